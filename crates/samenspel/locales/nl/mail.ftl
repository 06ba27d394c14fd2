## E-mail
mail-invitation-subject = { $inviter } nodigt je uit voor Samenspel
mail-invitation-greeting = Hallo,
mail-invitation-body = { $inviter } nodigt je uit voor de kring van { $client } in Samenspel. Daar werk je samen met iedereen die helpt.
mail-invitation-message = { $inviter } schrijft:
mail-invitation-action = Doe mee via deze link:
mail-invitation-button = Uitnodiging bekijken
mail-invitation-expires = De uitnodiging werkt tot { $date }.
mail-invitation-ignore = Wil je niet meedoen? Dan hoef je niets te doen.
mail-sign-in-subject = Je inloglink voor Samenspel
mail-sign-in-greeting = Hallo { $name },
mail-sign-in-body = Klik op de link om in te loggen bij Samenspel:
mail-sign-in-button = Inloggen
mail-sign-in-expires = { $count ->
    [one] De link werkt één minuut en maar één keer.
   *[other] De link werkt { $count } minuten en maar één keer.
}
mail-sign-in-ignore = Heb je geen inloglink aangevraagd? Dan kun je deze e-mail negeren.
mail-no-account-subject = Inloggen bij Samenspel
mail-no-account-greeting = Hallo,
mail-no-account-body = Iemand vroeg een inloglink aan voor dit e-mailadres. Er is bij Samenspel geen account met dit adres.
mail-no-account-hint = Heb je een uitnodiging voor een kring gekregen? Open dan de link in die uitnodiging. Of probeer het e-mailadres waarmee je bent uitgenodigd.
mail-no-account-ignore = Heb je niets aangevraagd? Dan kun je deze e-mail negeren.
mail-join-subject = Bevestig je e-mailadres voor Samenspel
mail-join-body = { $inviter } nodigde je uit voor de kring van { $client } in Samenspel.
mail-join-next = Klik op de knop om je e-mailadres te bevestigen. Daarna ben je lid van de kring en zie je wat er speelt.
mail-join-button = Bevestigen en lid worden
