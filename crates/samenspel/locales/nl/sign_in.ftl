## Inloggen
sign-in-title = Inloggen
sign-in-intro = Welkom bij Samenspel. Hier werk je samen met iedereen die voor dezelfde persoon zorgt.
sign-in-link-heading = Inloggen met een link
sign-in-link-explain = Vul je e-mailadres in. Je krijgt een e-mail met een link. Daarmee log je in, zonder wachtwoord.
sign-in-link-button = Stuur mij een inloglink
sign-in-password-heading = Inloggen met een wachtwoord
sign-in-password-button = Inloggen
field-email = E-mailadres
field-password = Wachtwoord
link-sent-title = Kijk in je e-mail
link-sent-body = Als { $email } bij ons bekend is, hebben we daar een e-mail met een inloglink naartoe gestuurd.
link-sent-valid = { $count ->
    [one] De link werkt één minuut en maar één keer.
   *[other] De link werkt { $count } minuten en maar één keer.
}
link-sent-not-received = Geen e-mail gekregen? Kijk ook bij ongewenste e-mail (spam).
link-sent-again = Nog een link aanvragen
link-confirm-title = Inloggen als { $name }
link-confirm-body = Je logt in met het e-mailadres { $email }.
link-confirm-button = Inloggen
link-confirm-not-you = Ben jij dit niet? Sluit dan deze pagina.
link-invalid-title = Deze link werkt niet meer
link-invalid-body = Een inloglink werkt maar één keer en maar kort. Vraag een nieuwe link aan.
link-invalid-again = Nieuwe link aanvragen
