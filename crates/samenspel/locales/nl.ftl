# Samenspel — Nederlands (taalniveau B1). Schrijf kort en gewoon.

## Algemeen
skip-to-content = Naar de inhoud
nav-label = Hoofdmenu
nav-circles = Mijn kringen
nav-account = Mijn account
nav-sign-out = Afmelden
language-label = Taal:
button-save = Opslaan
button-copy = Kopiëren
back-to-members = Terug naar de leden

## Fouten
error-title = Dat lukte niet
error-summary-title = Controleer wat je hebt ingevuld
error-request-id = Neem contact op met de beheerder als dit blijft gebeuren. Noem dan deze code: { $id }
error-back-home = Naar de startpagina
error-not-found = Deze pagina bestaat niet, of je hebt er geen toegang toe.
error-not-found-api = Niet gevonden, of je hebt er geen toegang toe.
error-forbidden = Dit mag je niet doen in deze kring.
error-unauthenticated = Je bent niet ingelogd.
error-sign-in-needed = Log eerst in.
error-form-expired = Het formulier was te lang open. Ga terug, ververs de pagina en probeer het opnieuw.
error-validation = Niet alles is goed ingevuld.
error-rate-limited = Je hebt het te vaak geprobeerd. Wacht even en probeer het dan opnieuw.
error-internal = Er ging iets mis aan onze kant. Je gegevens zijn niet kwijt. Probeer het zo nog eens.

already-exists = Dit bestaat al.
email-taken = Er is al een account met dit e-mailadres.
already-member = Deze persoon is al lid van de kring.
last-manager = Dat kan niet: dan is er niemand meer die de kring beheert. Geef eerst iemand anders het beheer.
invitation-not-open = Deze uitnodiging is al gebruikt, ingetrokken of verlopen.
link-not-valid = Deze inloglink is al gebruikt of verlopen.
circle-already-archived = Deze kring is al gearchiveerd.
circle-not-archived = Deze kring is niet gearchiveerd.
duplicate-request = Dit is al verstuurd. Ververs de pagina.

email-required = Vul je e-mailadres in.
email-invalid = Dit is geen geldig e-mailadres. Bijvoorbeeld: naam@voorbeeld.nl
name-required = Vul een naam in.
name-too-long = Deze naam is te lang (meer dan 100 tekens).
relation-too-long = Dit is te lang (meer dan 60 tekens).
password-too-short = Kies een wachtwoord van minstens 10 tekens.
password-too-long = Dit wachtwoord is te lang.
text-too-long = Deze tekst is te lang.
role-invalid = Kies een rol.
role-client-side-only = Alleen de cliënt of de vertegenwoordiger kan iemand deze rol geven.
location-unknown = Kies een organisatie of locatie uit de lijst.
organisation-unknown = Kies een organisatie uit de lijst.
date-invalid = Vul een datum in, bijvoorbeeld 31-12-2026.
date-in-past = Kies een datum in de toekomst.
audience-invalid = Kies wie het mag zien.
sign-in-failed = Het e-mailadres of het wachtwoord klopt niet.
password-wrong = Je huidige wachtwoord klopt niet.
account-disabled = Dit account is uitgeschakeld. Neem contact op met de beheerder.
language-invalid = Kies Nederlands of English.
body-invalid = De gegevens konden niet worden gelezen.
body-not-json = Stuur de gegevens als JSON.
idempotency-key-invalid = De Idempotency-Key moet 8 tot 100 letters, cijfers, - of _ zijn.

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

## Kringen
circles-title = Mijn kringen
circles-empty = Je bent nog geen lid van een kring. Heb je een uitnodiging gekregen? Open dan de link uit die e-mail. Je kunt ook zelf een kring starten.
circles-my-role = Jouw rol: { $role }
circles-member-count = { $count ->
    [one] 1 lid
   *[other] { $count } leden
}
circles-access-until = Je hebt toegang tot { $date }.
circle-archived-badge = Gearchiveerd
circles-start = Een kring starten
circle-new-title = Een kring starten
circle-new-intro = Een kring is de groep mensen rond één persoon: de cliënt, familie, vrijwilligers en zorgverleners. Daarna nodig je de anderen uit.
field-client-name = Voor wie is de kring?
field-client-name-hint = De naam zoals jullie die gebruiken, bijvoorbeeld "opa Wim" of "mevrouw Jansen".
field-description = Korte uitleg (mag leeg blijven)
field-my-role = Jouw rol in deze kring
field-my-relation = Wat ben je van deze persoon?
field-relation-hint = Bijvoorbeeld: dochter, buurman, wijkverpleegkundige.
field-place = Hoort de kring bij een organisatie?
place-independent = Nee, we starten zelf (zonder organisatie)
circle-new-button = Kring starten
circle-of = Kring van
circle-nav-label = Onderdelen van deze kring
tab-members = Leden
tab-invitations = Uitnodigen
tab-audit = Wie keek mee
tab-settings = Instellingen

## Leden
members-heading = { $count ->
    [one] 1 lid
   *[other] { $count } leden
}
members-you = jij
members-contact-person = Vaste contactpersoon
members-manages = Beheert de kring
members-until = Toegang tot { $date }
members-invite = Iemand uitnodigen
field-role = Rol
field-relation = Relatie
member-email-hidden = Alleen zichtbaar voor een deel van de kring
member-joined = Lid sinds
field-access-until = Toegang tot en met
member-change-heading = Lidmaatschap aanpassen
field-contact-person = Vaste contactpersoon
field-manager = Mag de kring beheren
field-manager-hint = Beheerders kunnen mensen uitnodigen, rollen aanpassen en de kring archiveren.
field-access-until-hint = Voor een invaller of een korte klus. Laat leeg als er geen einddatum is. De toegang stopt aan het begin van deze dag.
member-remove-heading = Uit de kring halen
member-remove-explain = { $name } kan dan direct niets meer zien in deze kring.
member-remove-confirm = Weet je zeker dat je { $name } uit de kring wilt halen?
member-remove-button = Uit de kring halen

## Uitnodigen
invite-heading = Iemand uitnodigen
invite-explain = Iedereen die helpt mag meedoen: familie, buren, vrijwilligers en zorgverleners.
field-invite-email = E-mailadres (mag leeg blijven)
field-invite-email-hint = Vul je een e-mailadres in, dan sturen wij de uitnodiging. Laat je het leeg, dan krijg je een link die je zelf kunt doorsturen, bijvoorbeeld via sms.
field-message = Persoonlijk bericht (mag leeg blijven)
invite-button = Uitnodiging maken
invite-created-heading = De uitnodiging is klaar
invite-created-emailed = We hebben de uitnodiging per e-mail verstuurd.
invite-created-link = Dit is de link van de uitnodiging. Je ziet hem maar één keer. Stuur hem alleen naar de persoon die je uitnodigt.
invite-link-label = Link van de uitnodiging
invite-created-repeat = Deze uitnodiging was al gemaakt. Ben je de link kwijt? Trek de uitnodiging in en maak een nieuwe.
invitations-heading = Uitnodigingen
invitations-empty = Er zijn nog geen uitnodigingen.
invitation-by-link = Uitnodiging via een link
invitation-meta = Gemaakt door { $name } op { $date }
invitation-revoke = Intrekken
invitation-state-open = nog niet gebruikt
invitation-state-accepted = geaccepteerd
invitation-state-revoked = ingetrokken
invitation-state-expired = verlopen

## Uitnodiging openen
invitation-title = Uitnodiging
invitation-title-for = Uitnodiging voor de kring van { $client }
invitation-lead = { $inviter } nodigt je uit om mee te doen als { $role }.
invitation-until = Je krijgt toegang tot { $date }.
invitation-what-it-is = In de kring zie je wie er helpt en hoe het gaat. Zo hoeft niemand alles opnieuw te vertellen.
invitation-signed-in-as = Je bent ingelogd als { $name }.
invitation-join = Meedoen
field-your-name = Je naam
invitation-have-account = Heb je al een account?
invitation-sign-in-first = Log dan eerst in.
invitation-closed = Deze uitnodiging kun je niet meer gebruiken ({ $state }).
invitation-ask-again = Vraag de persoon die jou uitnodigde om een nieuwe uitnodiging.

## Instellingen van een kring
settings-contact-heading = Wie ziet mijn e-mailadres?
settings-contact-explain = Jij bepaalt wie in deze kring je e-mailadres mag zien.
settings-contact-legend = Mijn e-mailadres is zichtbaar voor
settings-edit-heading = Naam en uitleg van de kring
settings-archive-heading = Kring archiveren
settings-archive-explain = Doe dit als de zorg stopt. De kring blijft bewaard, maar alleen de cliënt, de vertegenwoordiger en de beheerders kunnen hem nog zien. Niemand kan er nog iets in veranderen.
settings-archive-confirm = Weet je zeker dat je deze kring wilt archiveren?
settings-archive-button = Kring archiveren
settings-restore-heading = Kring terugzetten
settings-restore-explain = Deze kring is gearchiveerd. Zet hem terug als de zorg weer begint.
settings-restore-button = Kring terugzetten
settings-leave-heading = Uit deze kring stappen
settings-leave-explain = Je kunt daarna niets meer zien in deze kring. Iemand kan je later opnieuw uitnodigen.
settings-leave-confirm = Weet je zeker dat je uit deze kring wilt stappen?
settings-leave-button = Uit de kring stappen

## Wie keek mee (logboek van inzage)
audit-heading = Wie keek mee
audit-explain = Hier zie je wie de gegevens in deze kring heeft bekeken of veranderd, en wanneer. Alleen de cliënt en de vertegenwoordiger zien dit.
audit-empty = Er is nog niets vastgelegd.
audit-caption = Inzage en wijzigingen, nieuwste eerst
audit-when = Wanneer
audit-who = Wie
audit-what = Wat
audit-result = Resultaat
audit-from = Vanaf (IP-adres)
audit-someone-with-link = Iemand met een uitnodigingslink
audit-allowed = Toegestaan
audit-denied = Geweigerd
audit-older = Oudere regels
audit-circle-start = startte de kring
audit-circle-view = bekeek de kring
audit-circle-edit = veranderde naam of uitleg van de kring
audit-circle-archive = archiveerde de kring
audit-circle-restore = zette de kring terug
audit-circle-leave = stapte uit de kring
audit-members-list = bekeek de ledenlijst
audit-member-view = bekeek een lid
audit-member-change = veranderde een lidmaatschap
audit-member-remove = haalde iemand uit de kring
audit-member-contact-audience = veranderde wie het eigen e-mailadres ziet
audit-invitation-create = maakte een uitnodiging
audit-invitations-list = bekeek de uitnodigingen
audit-invitation-revoke = trok een uitnodiging in
audit-invitation-preview = opende een uitnodiging
audit-invitation-accept = nam een uitnodiging aan
audit-audit-view = bekeek wie er meekeek

## Mijn account
account-title = Mijn account
account-profile-heading = Mijn gegevens
account-email = Je e-mailadres: { $email }
account-language-heading = Taal
account-language-legend = In welke taal wil je Samenspel gebruiken?
account-password-heading = Wachtwoord
account-password-change = Je kunt inloggen met je wachtwoord of met een link per e-mail.
account-password-none = Je logt in met een link per e-mail. Wil je ook met een wachtwoord kunnen inloggen? Kies er dan hier een.
field-current-password = Huidig wachtwoord
field-new-password = Nieuw wachtwoord
field-new-password-hint = Minstens 10 tekens. Een zin van een paar woorden is makkelijk te onthouden en veilig.
account-password-button = Wachtwoord opslaan
account-sessions-heading = Waar ben ik ingelogd?
account-sessions-explain = Herken je een apparaat niet? Meld het dan af.
account-session-unknown-device = Onbekend apparaat
account-session-current = Dit apparaat
account-session-meta = Ingelogd op { $since }, laatst gebruikt { $seen }
account-session-revoke = Afmelden
account-sessions-revoke-others = Overal anders afmelden
account-tokens-heading = Sleutels voor koppelingen (API)
account-tokens-explain = Met een sleutel kan een ander programma namens jou Samenspel gebruiken. Geef een sleutel nooit aan iemand anders.
account-token-created = Dit is je nieuwe sleutel. Je ziet hem maar één keer. Bewaar hem op een veilige plek.
account-token-label = Nieuwe sleutel
account-token-created-on = gemaakt op { $date }
account-token-used-on = laatst gebruikt op { $date }
account-token-revoke = Intrekken
account-token-name = Naam van de sleutel
account-token-create = Sleutel maken

## Meldingen na een actie
notice-saved = Opgeslagen.
notice-member-removed = Deze persoon is uit de kring gehaald.
notice-invitation-revoked = De uitnodiging is ingetrokken.
notice-circle-archived = De kring is gearchiveerd.
notice-circle-restored = De kring is teruggezet.
notice-left-circle = Je bent uit de kring gestapt.
notice-session-revoked = Dat apparaat is afgemeld.
notice-sessions-revoked = Je bent op alle andere apparaten afgemeld.
notice-token-revoked = De sleutel is ingetrokken.
notice-password-saved = Je wachtwoord is opgeslagen.
notice-joined = Welkom in de kring!

## Rollen
role-client = cliënt
role-representative = vertegenwoordiger
role-relative = naaste
role-volunteer = vrijwilliger
role-professional = beroepskracht
role-coordinator = coördinator

## Wie mag het zien
audience-circle = iedereen in de kring
audience-professionals = alleen beroepskrachten (en de cliënt)
audience-informal = alleen naasten en vrijwilligers (en de cliënt)
audience-chosen = alleen de gekozen personen

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

## Logboek: wie keek mee
audit-logbook-overview = bekeek het overzicht
audit-logbook-unread = bekeek hoeveel berichten nieuw zijn
audit-logbook-list = las het logboek
audit-logbook-search = zocht in het logboek
audit-logbook-digest = kreeg een samenvatting per e-mail
audit-entry-create = schreef een bericht
audit-entry-view = las een bericht
audit-entry-history = bekeek eerdere versies van een bericht
audit-entry-edit = paste een bericht aan
audit-entry-delete = haalde een bericht weg
audit-entry-close = sloot een vraag of zorg af
audit-reply-create = reageerde op een bericht
audit-reply-delete = haalde een reactie weg
audit-reaction-set = gaf een reactie (duim, hartje)
audit-file-view = bekeek een foto of bestand
audit-file-add = voegde een foto of bestand toe
audit-notifications-view = bekeek de eigen meldingen
audit-notifications-change = veranderde de eigen meldingen

## Logboek: soorten berichten
kind-update = Update
kind-moment = Mooi moment
kind-concern = Zorg
kind-question = Vraag
kind-thanks = Bedankje

## Logboek: fouten
kind-invalid = Kies wat voor bericht het is.
text-required = Schrijf iets, of voeg een foto toe.
audience-chosen-empty = Kies wie het mag zien.
member-unknown = Kies mensen uit deze kring.
thanks-recipients-empty = Kies wie je wilt bedanken.
recipients-only-for-thanks = Alleen een bedankje is gericht aan iemand.
recipients-outside-audience = Wie je bedankt, moet het bericht ook kunnen zien.
too-many-files = Je kunt hoogstens 6 foto's of bestanden toevoegen.
file-empty = Dit bestand is leeg.
file-too-large = Dit bestand is te groot. Het mag hoogstens 12 MB zijn.
file-not-a-photo = Dit bestand heeft de naam van een foto, maar het is geen foto. Kies een echte foto (JPEG, PNG, WebP of GIF).
file-type-unsupported = Dit soort bestand kunnen we niet bewaren. Kies een foto (JPEG, PNG, WebP of GIF) of een PDF.
file-damaged = Deze foto is beschadigd of kan niet worden gelezen. Probeer een andere.
reaction-invalid = Kies een reactie.
cursor-invalid = Deze pagina bestaat niet meer. Ga terug naar het begin van het logboek.
entry-not-open = Deze vraag of zorg is al afgesloten.
time-invalid = Vul een tijd in, bijvoorbeeld 22:00.
digest-invalid = Kies hoe vaak je een samenvatting wilt.
quiet-hours-incomplete = Vul een begin- en een eindtijd in, of laat ze allebei leeg.

## Logboek: e-mail
mail-entry-concern-subject = Er is een nieuwe zorg in Samenspel
mail-entry-concern-lead = { $author } deelt een zorg in de kring van { $client }:
mail-entry-question-subject = Er is een nieuwe vraag in Samenspel
mail-entry-question-lead = { $author } stelt een vraag in de kring van { $client }:
mail-entry-thanks-subject = Iemand bedankt je in Samenspel
mail-entry-thanks-lead = { $author } bedankt je in de kring van { $client }:
mail-entry-button = Bekijken en reageren
mail-reply-subject = Er is een antwoord in Samenspel
mail-reply-lead = { $author } reageerde in de kring van { $client }:
mail-digest-daily-subject = Je dagelijkse samenvatting van Samenspel
mail-digest-weekly-subject = Je wekelijkse samenvatting van Samenspel
mail-digest-daily-lead = Dit gebeurde vandaag in de kring van { $client }:
mail-digest-weekly-lead = Dit gebeurde deze week in de kring van { $client }:
mail-digest-open = Naar de kring
mail-digest-read = Lezen
mail-settings-footer = Wil je minder of andere e-mails? Dat kan met één klik:
mail-settings-link = meldingen aanpassen

## Logboek: pagina's
tab-overview = Overzicht
tab-logbook = Logboek
when-today = vandaag om { $time }
when-yesterday = gisteren om { $time }
button-cancel = Annuleren
back-to-logbook = Terug naar het logboek
back-to-entry = Terug naar het bericht
overview-write-heading = Schrijf iets in het logboek
overview-new-heading = Nieuw voor jou
overview-unread-label = nieuwe berichten
overview-nothing-new = Je bent helemaal bij. Er is niets nieuws.
overview-all-new = Alle nieuwe berichten lezen
overview-open-heading = Open vragen en zorgen
overview-nothing-open = Er staan geen vragen of zorgen open.
overview-thanks-heading = Bedankjes
overview-to-logbook = Naar het hele logboek
logbook-write = Schrijf een bericht
logbook-search-label = Zoeken in het logboek
logbook-search-button = Zoeken
logbook-filter-label = Wat wil je zien?
logbook-filter-all = Alles
logbook-filter-open = Open vragen en zorgen
logbook-filter-moments = Mooie momenten
logbook-filter-thanks = Bedankjes
logbook-results-for = Gevonden bij "{ $q }"
logbook-no-results = Niets gevonden. Probeer een ander woord.
logbook-empty = Er staat nog niets in het logboek. Schrijf het eerste bericht!
logbook-older = Oudere berichten
entry-new = Nieuw
entry-edited = aangepast
entry-removed-short = bericht weggehaald
entry-removed-by = Dit bericht is weggehaald door { $name } ({ $date }).
reply-removed-by = Deze reactie is weggehaald door { $name } ({ $date }).
entry-photos = { $count ->
    [one] een foto
   *[other] { $count } foto's
}
entry-reply-count = { $count ->
    [one] 1 reactie
   *[other] { $count } reacties
}
entry-thanks-to = bedankt { $names }
entry-visible-to = Zichtbaar voor: { $who }
audience-chosen-names = alleen { $names }
photo-alt = Foto { $n } bij het bericht van { $name }
entry-close = Afsluiten
entry-closed-by = Afgesloten door { $name } ({ $date }).
entry-edit = Bericht aanpassen
entry-edit-explain = De eerdere tekst blijft bewaard. Iedereen die het bericht kan zien, kan ook zien dat het is aangepast.
entry-history = Eerdere versies
entry-delete = Weghalen
entry-delete-confirm = Weet je zeker dat je dit bericht wilt weghalen? Iedereen ziet dan dat jij het hebt weggehaald.
entry-reactions-heading = Reageren met een teken
entry-seen-heading = Gezien door
entry-seen-nobody = Nog niemand heeft dit bericht gezien.
entry-seen-not-yet = Nog niet gezien door: { $names }
entry-replies-heading = Reacties
entry-no-replies = Nog geen reacties.
reply-label = Jouw reactie
reply-button = Reageren
reply-delete = Reactie weghalen
reply-delete-confirm = Weet je zeker dat je deze reactie wilt weghalen?
history-current = Nu (versie { $n })
history-version = Versie { $n }
entry-form-title = Schrijf een bericht
entry-form-kind = Wat voor bericht is het?
entry-form-body = Je bericht
entry-form-body-hint = Een witregel maakt een nieuwe alinea. Begin een regel met "- " voor een opsomming.
entry-form-files = Foto's of een PDF (mag leeg blijven)
entry-form-files-hint = Hoogstens 6 bestanden van elk hoogstens 12 MB. We halen de locatie en andere verborgen gegevens uit foto's.
entry-form-files-again = Kies je foto's opnieuw als je ze wilt meesturen: we hebben nog niets bewaard.
entry-form-recipients = Wie wil je bedanken? (alleen bij een bedankje)
entry-form-recipients-hint = Zij krijgen er meteen bericht van.
entry-form-audience = Wie mag dit zien?
entry-form-chosen = Welke personen? (alleen bij "alleen de gekozen personen")
entry-form-chosen-hint = Jij kunt je eigen bericht altijd zien.
entry-form-button = Bericht plaatsen
kind-update-hint = Wat er gedaan is, hoe het ging.
kind-moment-hint = Iets fijns om te delen.
kind-concern-hint = Iets waar je je zorgen over maakt. Het blijft open staan tot iemand reageert of het afsluit.
kind-question-hint = Een vraag aan de anderen. Hij blijft open staan tot iemand antwoordt of hem afsluit.
kind-thanks-hint = Bedank iemand voor wat hij of zij deed.
audience-circle-hint = Alle leden van de kring.
audience-professionals-hint = Zorgverleners en coördinatoren. De cliënt en de vertegenwoordiger zien het ook.
audience-informal-hint = Familie, naasten en vrijwilligers. De cliënt en de vertegenwoordiger zien het ook.
audience-chosen-hint = Alleen de mensen die je hieronder kiest.
status-none = geen
status-open = nog geen antwoord
status-answered = beantwoord
status-closed = afgesloten
reaction-thanks = Bedankt
reaction-seen = Gezien
reaction-heart = Hartje
digest-off = Geen samenvatting
digest-daily = Elke dag (om 18:00)
digest-weekly = Elke week (zondag om 18:00)
notifications-title = Meldingen per e-mail
notifications-explain = Hoe wil je horen wat er gebeurt in de kring van { $client }?
notifications-immediate = Stuur mij meteen een e-mail bij een nieuwe vraag of zorg, bij een bedankje voor mij en bij een antwoord op mijn vraag
notifications-immediate-hint = Alleen als je het bericht mag zien.
notifications-digest = Een samenvatting van al het andere
notifications-quiet = Rustige uren
notifications-quiet-hint = In deze uren sturen we geen e-mail. Wat er dan gebeurt, krijg je daarna.
notifications-quiet-from = Van
notifications-quiet-until = Tot
notifications-stop = Geen e-mails meer over deze kring
notifications-stop-explain = Wil je helemaal geen e-mails meer over deze kring? Dat kan met één klik. Je kunt ze later weer aanzetten.
settings-notifications-explain = Kies welke e-mails je krijgt en wanneer.
settings-notifications-link = Meldingen instellen
notice-entry-saved = Je bericht staat in het logboek.
notice-entry-removed = Het bericht is weggehaald.
notice-entry-closed = De vraag of zorg is afgesloten.
notice-reply-saved = Je reactie is geplaatst.
notice-reply-removed = De reactie is weggehaald.
notice-notifications-saved = Je meldingen zijn opgeslagen.
notice-notifications-stopped = Je krijgt geen e-mails meer over deze kring. Je kunt dat hieronder weer aanzetten.

## Netwerkkaart
tab-network = Netwerk
network-title = Netwerkkaart
network-map-title = Netwerkkaart van { $client }
network-map-desc = { $client } in het midden, met { $count } mensen eromheen. Hoe dichter bij het midden, hoe dichterbij de persoon staat. De tabel onder de kaart geeft dezelfde gegevens in woorden.
network-explain = Wie staan er om { $client } heen, en hoe helpen ze? De kaart volgt het ecogram: een letter voor de groep, letters op de lijn voor de steun, en de soort lijn voor de relatie.
network-empty = Er staat nog niemand op de kaart. Zet de buren, vrienden, de huisarts of de club erop.
network-add = Iemand toevoegen
network-print = Afdrukken
network-table-caption = De kaart in woorden
network-col-name = Naam
network-col-category = Groep
network-col-support = Steun
network-col-tie = Relatie
network-col-closeness = Afstand
network-col-note = Wat doet deze persoon
network-col-reach = Bereikbaar
network-member = lid van de kring
network-change = Aanpassen
network-change-label = { $name } aanpassen
network-legend = Uitleg bij de kaart
network-legend-categories = Groepen
network-legend-support = Steun op de lijn
network-legend-ties = Soort lijn
network-legend-members = Een gekleurde cirkel is iemand die lid is van de kring.
network-legend-family = Gezin: ouders, broers en zussen, partner en kinderen. Raadslieden: pastor, dominee, humanist. W en I zijn door Samenspel toegevoegd.
network-no-support = geen
network-category-g = Gezin
network-category-f = Overige familie
network-category-v = Vrienden
network-category-k = Kennissen, oude buren, collega's
network-category-b = Buren
network-category-r = Raadslieden
network-category-z = Zorgverleners
network-category-w = Vrijwilligers
network-category-i = Clubs en initiatieven
network-support-p = Praktische hulp
network-support-g = Gezelschap
network-support-a = Advies en informatie
network-support-e = Steun bij gevoelens
network-tie-supporting = Steunend (dikke lijn)
network-tie-neutral = Neutraal (stippellijn)
network-tie-strained = Moeizaam (zigzaglijn)
network-closeness-1 = Dichtbij
network-closeness-2 = Midden
network-closeness-3 = Verder weg
network-form-add-title = Iemand op de kaart zetten
network-form-edit-title = { $name } op de kaart
network-form-member-hint = { $name } is lid van de kring. Naam en contactgegevens staan op de ledenkaart.
network-name-hint = Bijvoorbeeld: Buurvrouw Els, Dokter Jansen, de biljartclub.
network-category-label = Groep
network-support-label = Welke steun geeft deze persoon?
network-support-hint = Kies er geen, één of meer.
network-tie-label = Hoe is de relatie?
network-closeness-label = Hoe dichtbij staat deze persoon?
network-note-label = Wat doet deze persoon? (mag leeg)
network-note-hint = Bijvoorbeeld: kookt op dinsdag, brengt naar de kerk.
network-reach-label = Hoe bereik je deze persoon? (mag leeg)
network-reach-hint = Een telefoonnummer of adres. Iedereen in de kring kan dit zien.
network-remove = Van de kaart halen
network-remove-confirm = Weet je zeker dat je deze persoon van de kaart haalt?
notice-contact-added = De persoon staat op de kaart.
network-invite = Uitnodigen
network-invite-label = { $name } uitnodigen voor de kring
invite-from-contact = Je nodigt { $name } uit van de netwerkkaart. Doet { $name } mee, dan staat die als lid op dezelfde plek op de kaart.
contact-not-found = Deze persoon staat niet (meer) op de netwerkkaart.
notice-contact-removed = De persoon is van de kaart gehaald.
category-invalid = Kies een groep.
support-invalid = Kies alleen uit de soorten steun in de lijst.
tie-invalid = Kies hoe de relatie is.
closeness-invalid = Kies hoe dichtbij deze persoon staat.
note-too-long = Maak dit korter: hooguit 500 tekens.
reach-too-long = Maak dit korter: hooguit 200 tekens.
audit-network-view = bekeek de netwerkkaart
audit-network-add = zette iemand op de netwerkkaart
audit-network-change = paste iemand op de netwerkkaart aan
audit-network-remove = haalde iemand van de netwerkkaart
audit-network-place = zette een lid op de netwerkkaart

## Afspraken (wie doet wat)
tab-agreements = Wie doet wat
agreements-title = Wie doet wat
agreements-explain = De afspraken over de zorg voor { $client }, per onderwerp. We volgen de Schijf van Vijf: eerst wat { $client } zelf kan, dan hulpmiddelen, familie, het netwerk, en pas dan de beroepskracht.
agreements-add = Afspraak maken
agreements-shares = Wie draagt wat
agreements-none = Er zijn nog geen afspraken.
agreements-count = { $count ->
    [one] 1 afspraak
   *[other] { $count } afspraken
}
agreements-due = Nu bespreken
agreements-empty-domains = Nog geen afspraken over:
agreements-policy = Wie mag afspraken aanpassen?
agreements-policy-label = Familie en vrijwilligers mogen ook afspraken aanpassen die een beroepskracht heeft gemaakt
agreements-policy-hint = Iedereen mag altijd zijn eigen afspraken aanpassen. De cliënt en de vertegenwoordiger mogen alle afspraken aanpassen.
agreement-new-title = Afspraak maken
agreement-edit-title = Afspraak aanpassen
agreement-domain = Onderwerp
agreement-step = Wie doet het?
agreement-step-hint = Begin bij wat { $client } zelf kan. Pas als dat niet lukt, kijk je naar de volgende stap.
agreement-description = Wat spreken we af?
agreement-description-hint = Bijvoorbeeld: Ans zet elke ochtend de medicijnen klaar.
agreement-doer = Wie doet het
agreement-backup = Wie neemt het over als dat niet lukt
agreement-member = Iemand uit de kring
agreement-not-a-member = Iemand anders (vul hieronder in)
agreement-other-name = Of de naam van iemand anders (mag leeg)
agreement-frequency = Hoe vaak
agreement-frequency-hint = Bijvoorbeeld: elke dinsdag, dagelijks, als het nodig is.
agreement-since = Sinds
agreement-lead = Wie heeft de regie
agreement-lead-hint = Wie houdt in de gaten of de afspraak nog goed gaat.
agreement-review-on = Bespreken op
agreement-review-hint = Wanneer kijken we of de afspraak nog klopt?
agreement-review-was = bespreken op { $date }
agreement-needs-review = Opnieuw bespreken
agreement-change = Aanpassen
agreement-change-label = Afspraak aanpassen: { $what }
agreement-end = Afspraak beëindigen
agreement-end-confirm = Weet je zeker dat deze afspraak niet meer geldt?
agreement-domain-personal_care = Persoonlijke verzorging
agreement-domain-household = Huishouden
agreement-domain-meals = Eten en drinken
agreement-domain-medication = Medicijnen
agreement-domain-finances = Geldzaken en papieren
agreement-domain-company = Gezelschap en dagbesteding
agreement-domain-mobility = Vervoer en erop uit
agreement-domain-appointments = Afspraken en regelwerk
agreement-domain-other = Overig
agreement-step-1 = Zelf
agreement-step-2 = Hulpmiddelen
agreement-step-3 = Familie en mantelzorg
agreement-step-4 = Netwerk en andere instanties
agreement-step-5 = Beroepskracht
agreement-step-1-question = Wat kan de cliënt zelf?
agreement-step-2-question = Welke hulpmiddelen helpen?
agreement-step-3-question = Wat kan de familie of mantelzorger?
agreement-step-4-question = Wat kan het netwerk of een andere instantie?
agreement-step-5-question = Wat doet de beroepskracht?
notice-agreement-saved = De afspraak is opgeslagen.
overview-agreements-due = Afspraken om te bespreken
overview-to-agreements = Naar wie doet wat
notice-agreement-ended = De afspraak is beëindigd.
domain-invalid = Kies een onderwerp.
step-invalid = Kies wie het doet.
description-required = Schrijf op wat jullie afspreken.
description-too-long = Maak dit korter: hooguit 500 tekens.
frequency-too-long = Maak dit korter: hooguit 100 tekens.
member-not-in-circle = Deze persoon is geen lid (meer) van de kring.
review-before-start = De bespreekdatum ligt voor de startdatum.
audit-agreements-list = bekeek de afspraken
audit-agreements-add = maakte een afspraak
audit-agreements-change = paste een afspraak aan
audit-agreements-end = beëindigde een afspraak
audit-agreements-policy = veranderde wie afspraken mag aanpassen

## Veranderingen
change-title = Verandering doorgeven
change-choose = Wat is er veranderd? Kies wat het beste past.
change-explain = Wat veranderd is, verandert vaak ook wie wat doet. De afspraken die je aanvinkt, komen op "Opnieuw bespreken" te staan, en wie erbij betrokken is, krijgt een e-mail.
change-other-kind = (iets anders kiezen)
change-description = Wat is er gebeurd? (mag leeg, behalve bij "Iets anders")
change-description-hint = Bijvoorbeeld: Henk woont vanaf maandag in De Esdoorn, kamer 12.
change-occurred-on = Wanneer
change-occurred-on-hint = Leeg laten is vandaag.
change-agreements = Welke afspraken moeten opnieuw besproken worden?
change-agreements-hint = De afspraken die hier meestal bij horen, staan al aangevinkt.
change-save = Verandering doorgeven
changes-heading = Veranderingen: bespreek de afspraken
change-recorded-by = doorgegeven door { $name }
change-agreements-marked = { $count ->
    [one] 1 afspraak staat op "Opnieuw bespreken".
   *[other] { $count } afspraken staan op "Opnieuw bespreken".
}
change-propose = Spreek af om ze samen te bespreken, het liefst vóór { $date }.
change-close = Besproken
change-kind-moved_to_care_home = Verhuisd naar een verpleeghuis of zorgcentrum
change-kind-moved_home = Weer thuis komen wonen
change-kind-professional_changed = Een andere beroepskracht
change-kind-carer_availability = Een mantelzorger kan minder (of meer)
change-kind-more_care = Er is meer zorg nodig
change-kind-less_care = Er is minder zorg nodig
change-kind-other = Iets anders
change-kind-invalid = Kies wat er veranderd is.
change-text-required = Schrijf op wat er veranderd is.
change-text-too-long = Maak dit korter: hooguit 1000 tekens.
agreement-not-found = Deze afspraak bestaat niet (meer).
notice-change-recorded = De verandering is doorgegeven. De afspraken staan op "Opnieuw bespreken".
notice-change-closed = Fijn dat jullie het besproken hebben.
mail-change-subject = Er is iets veranderd bij { $client }
mail-change-lead = { $author } gaf een verandering door: { $change }. Afspraken waar jij bij betrokken bent, moeten opnieuw besproken worden.
mail-change-agreements = Deze afspraken:
mail-change-button = Bekijk wie wat doet
audit-changes-record = gaf een verandering door
audit-changes-list = bekeek de veranderingen
audit-changes-close = zette een verandering op besproken

## Conversation guides
conversations-title = Gesprekken
conversations-explain = Een gesprek met een vaste lijst vragen helpt om niets te vergeten. Schrijf de antwoorden op, dan weet iedereen in de kring van { $client } wat er is besproken. Van een antwoord kun je meteen een afspraak maken.
conversations-held = Gevoerde gesprekken
conversations-none = Er zijn nog geen gesprekken opgeschreven.
guide-start = Gesprek beginnen
guide-question-count = { $count ->
    [one] 1 vraag
   *[other] { $count } vragen
}
guide-family_start = Familiestartgesprek
guide-family_start-intro = Het eerste gesprek aan het begin van de zorg, met { $client } en de familie. Jullie leren elkaar kennen en spreken af wie wat doet.
guide-collaboration = In gesprek over samenwerken
guide-collaboration-intro = Een open gesprek over hoe jullie samenwerken. Je kunt de vragen aan jezelf en aan elkaar stellen. Ze komen uit de toolkit Samen Bouwen.
guide-review = Evaluatiegesprek
guide-review-intro = Kijk samen terug: wat is er veranderd, wat gaat goed, en kloppen de afspraken nog? Doe dit na een verandering, en ook als alles goed gaat.
guide-q-fs_matters = Wat is voor { $client } belangrijk in het dagelijks leven?
guide-q-fs_self = Wat kan { $client } zelf nog? Wat wil { $client } zelf blijven doen?
guide-q-fs_aids = Welke hulpmiddelen kunnen helpen?
guide-q-fs_family = Wat kunnen familie en mantelzorgers doen? En wat liever niet?
guide-q-fs_network = Wat kunnen buren, vrienden, vrijwilligers of andere instanties doen?
guide-q-fs_professional = Wat doen de beroepskrachten?
guide-q-fs_contacts = Wie is het vaste aanspreekpunt voor de familie? En wie bij de zorg?
guide-q-fs_expectations = Wat verwachten jullie van elkaar? Wat heeft de familie nodig om mee te kunnen doen?
guide-q-fs_informed = Hoe houden jullie elkaar op de hoogte? Wat mag iedereen weten?
guide-q-ig_why = Waarom is samenwerking volgens jou nodig?
guide-q-ig_hard = Wat maakt samenwerking volgens jou soms lastig?
guide-q-ig_perspective = In welk perspectief herken jij je het meest?
guide-q-ig_expectation = Welke verwachting heb jij van de samenwerking?
guide-q-ig_role = Welke rol heb jij wel en niet bij de samenwerking?
guide-q-ig_keep = Wat wil je graag vasthouden van de samenwerking zoals die nu is, en waarom?
guide-q-ig_need = Wat heb je nodig om de samenwerking vast te houden?
guide-q-ig_know = Weten de anderen wat je prettig vindt aan de samenwerking?
guide-q-rv_changed = Wat is er veranderd sinds het vorige gesprek?
guide-q-rv_going_well = Wat gaat er goed in de samenwerking? En waarom gaat dat goed?
guide-q-rv_hard = Wat gaat er minder goed, of wat is lastig?
guide-q-rv_agreements = Kloppen de afspraken over wie wat doet nog? Wat moet anders?
guide-q-rv_carers = Hoe gaat het met de mantelzorgers? Is het nog vol te houden?
guide-q-rv_thanks = Wie willen jullie bedanken, en waarvoor?
guide-q-rv_next = Wanneer praten jullie weer met elkaar?
conversation-form-hint = Vul in wat besproken is. Een vraag die jullie niet hebben besproken, laat je leeg.
conversation-held-on = Datum van het gesprek
conversation-participants = Wie waren erbij?
conversation-others = Anderen die erbij waren
conversation-others-hint = Mensen die geen lid van de kring zijn, bijvoorbeeld: buurvrouw Riet, de huisarts.
conversation-step-hint = Schijf van Vijf, stap
conversation-closes-changes = Welke veranderingen zijn in dit gesprek besproken?
conversation-audience = Wie mag het verslag lezen?
conversation-audience-chosen = Alleen wie erbij was
conversation-audience-chosen-hint = De leden die je hierboven hebt aangevinkt, en jij.
conversation-recorded-by = Opgeschreven door
conversation-answered = { $count ->
    [one] 1 vraag beantwoord
   *[other] { $count } vragen beantwoord
}
conversation-agreements-count = { $count ->
    [one] 1 afspraak gemaakt
   *[other] { $count } afspraken gemaakt
}
conversation-make-agreement = Maak hier een afspraak van
conversation-make-agreement-label = Maak een afspraak van het antwoord op: { $question }
conversation-agreements = Afspraken uit dit gesprek
conversation-edit = Verslag aanpassen
conversation-remove = Verslag verwijderen
conversation-remove-confirm = Wil je dit verslag verwijderen? De afspraken die eruit kwamen, blijven bestaan.
back-to-conversations = Terug naar de gesprekken
back-to-agreements = Terug naar wie doet wat
agreement-from-conversation = Deze afspraak komt uit een gesprek. Vul aan wat nog ontbreekt.
change-hold-review = Bespreek dit in een evaluatiegesprek
guide-invalid = Kies een gesprek.
guide-fixed = Een gesprek kan niet van soort veranderen. Begin een nieuw gesprek.
conversation-date-future = Het gesprek kan niet in de toekomst liggen.
conversation-too-many-participants = Dat zijn te veel mensen. Kies er hoogstens 60.
conversation-others-too-long = Maak dit korter (hoogstens 300 tekens).
conversation-question-unknown = Deze vraag hoort niet bij dit gesprek.
conversation-answer-too-long = Dit antwoord is te lang (hoogstens 4000 tekens).
conversation-empty = Vul bij minstens één vraag iets in.
conversation-participants-required = Vink aan wie erbij waren, of schrijf hun namen op.
conversation-not-found = Dit gesprek bestaat niet (meer), of je mag het niet lezen.
change-not-found = Deze verandering bestaat niet (meer), of is al besproken.
notice-conversation-saved = Het gesprek is opgeschreven.
notice-conversation-removed = Het verslag is verwijderd.
audit-conversations-list = bekeek de gesprekken
audit-conversation-view = las een gespreksverslag
audit-conversations-hold = schreef een gesprek op
audit-conversations-change = paste een gespreksverslag aan
audit-conversations-remove = verwijderde een gespreksverslag

## Collaboration profiles
profile-title = Hoe kijk jij naar samenwerken?
profile-explain = Iedereen kijkt op een eigen manier naar samenwerken. Onderzoekers van de Erasmus Universiteit vonden vijf perspectieven. Als je weet hoe jij en de anderen kijken, begrijp je elkaar beter.
profile-not-a-test = Dit is een hulpmiddel voor het gesprek, geen wetenschappelijke test. De vragen zijn door Samenspel geschreven. De uitkomst zegt niets over wie je bent, alleen over wat je nu belangrijk vindt.
profile-five = De vijf perspectieven
profile-source = Bron: toolkit Samen Bouwen, Erasmus School of Health Policy & Management.
profile-start = Zes vragen
profile-again = Opnieuw invullen
profile-how = Kies bij elke vraag het antwoord dat het best bij je past. Er is geen goed of fout.
profile-share-field = Laat mijn uitkomst zien aan de andere leden van de kring
profile-share-hint = Zonder vinkje ziet alleen jij de uitkomst. Je kunt dit altijd weer veranderen.
profile-submit = Bekijk mijn perspectief
profile-result = { $count ->
    [one] Dit perspectief past het best bij jou
   *[other] Deze perspectieven passen even goed bij jou
}
profile-private-note = Alleen jij ziet dit.
profile-shared-note = De andere leden van de kring zien dit op je kaartje.
profile-share = Laat het de kring zien
profile-unshare = Niet meer laten zien
profile-remove = Uitkomst verwijderen
profile-remove-confirm = Wil je je antwoorden en de uitkomst verwijderen?
profile-only-you = alleen jij ziet dit
profile-mine = Mijn perspectief op samenwerken
profile-invite = Ontdek hoe jij naar samenwerken kijkt (6 vragen)
profile-card-heading = Perspectief op samenwerken
profile-card-hint = Een hulpmiddel voor het gesprek, geen test.
profile-card-none-me = Je hebt de vragen nog niet ingevuld.
profile-card-none = { $name } heeft (nog) geen perspectief gedeeld.
profile-answer-every-question = Beantwoord alle zes de vragen.
profile-choose-one = Kies één antwoord.
notice-profile-saved = Je antwoorden zijn bewaard.
notice-profile-removed = Je antwoorden en de uitkomst zijn verwijderd.
perspective-verbinder = De verbinder
perspective-verbinder-line = Let op hoe jullie samenwerken. Investeert in de relatie met complimenten, steun en rekening houden met elkaar. Vertrouwen komt uit warme, open gesprekken en afspraken nakomen.
perspective-kenner = De kenner
perspective-kenner-line = Zet het belang van de cliënt voorop en vindt de kennis en ervaring van de zorgverlener onmisbaar. Wil verwachtingen uitspreken en afspreken wie wat doet.
perspective-luisteraar = De luisteraar
perspective-luisteraar-line = Wil zorg die bij de persoon past. Vindt het levensverhaal van de cliënt belangrijk, en een open en eerlijk gesprek, begrip, vertrouwen en medeleven.
perspective-rebel = De rebel
perspective-rebel-line = Zet de belangen van de cliënt voorop, ook als een zorgverlener daarvoor van de regels moet afwijken. Wil samen leren van wat cliënt en zorgverlener weten en verwachten.
perspective-prater = De prater
perspective-prater-line = Wil dat de zorg past bij wat de cliënt en de mantelzorger nodig hebben. Vindt overleg en afspraken over de juiste zorg belangrijk, met de kennis van cliënt, mantelzorger en zorgverlener.
profile-q1 = Wat vind jij het belangrijkst in de samenwerking?
profile-q1-verbinder = Dat we goed met elkaar omgaan: elkaar steunen en rekening houden met elkaar.
profile-q1-kenner = Dat duidelijk is wie wat doet, en dat we de kennis van de zorgverleners gebruiken.
profile-q1-luisteraar = Dat er aandacht is voor het levensverhaal van de cliënt.
profile-q1-rebel = Dat zorgverleners van de regels kunnen afwijken als dat beter is voor de cliënt.
profile-q1-prater = Dat de zorg past bij wat de cliënt en de mantelzorger nodig hebben.
profile-q2 = Wanneer heb jij vertrouwen in iemand met wie je samenwerkt?
profile-q2-kenner = Als iemand verstand heeft van de zorg en ervaring heeft.
profile-q2-rebel = Als iemand doet wat nodig is, ook als dat niet in de regels staat.
profile-q2-prater = Als iemand eerst overlegt en dan pas beslist.
profile-q2-verbinder = Als iemand zich aan afspraken houdt en warm en open praat.
profile-q2-luisteraar = Als iemand eerlijk is en medeleven toont.
profile-q3 = Wat doe jij zelf het liefst in de samenwerking?
profile-q3-luisteraar = Luisteren en de ander echt leren kennen.
profile-q3-prater = Overleggen tot we het eens zijn over de juiste zorg.
profile-q3-verbinder = Complimenten geven en de ander steunen.
profile-q3-kenner = Verwachtingen uitspreken en afspreken wie wat doet.
profile-q3-rebel = Samen leren, ook van wat de cliënt zelf weet.
profile-q4 = Waar let jij vooral op?
profile-q4-rebel = Of regels de cliënt niet in de weg zitten.
profile-q4-verbinder = Hoe het gaat tussen de mensen die samenwerken.
profile-q4-kenner = Of het belang van de cliënt voorop staat en de taken goed verdeeld zijn.
profile-q4-prater = Of cliënt, mantelzorger en zorgverlener alle drie hun kennis en wensen kunnen inbrengen.
profile-q4-luisteraar = Of de cliënt als persoon gezien wordt.
profile-q5 = Wat stoort jou het meest?
profile-q5-prater = Als er over de cliënt of de mantelzorger wordt beslist zonder overleg.
profile-q5-luisteraar = Als niemand luistert naar het verhaal van de cliënt.
profile-q5-rebel = Als "dat mag niet" belangrijker is dan wat de cliënt nodig heeft.
profile-q5-kenner = Als niet duidelijk is wie wat doet.
profile-q5-verbinder = Als mensen elkaar niet waarderen.
profile-q6 = Welke zin past het best bij jou?
profile-q6-luisteraar = Iedereen heeft een verhaal dat ertoe doet.
profile-q6-kenner = Zorgverleners weten veel. Die kennis moeten we gebruiken.
profile-q6-prater = Samen bepalen we wat goede zorg is.
profile-q6-verbinder = Een goede samenwerking moet je onderhouden.
profile-q6-rebel = Regels zijn er voor mensen, niet andersom.
audit-profile-view = bekeek het eigen samenwerkingsprofiel
audit-profile-save = vulde het samenwerkingsprofiel in
audit-profile-share = veranderde wie het samenwerkingsprofiel ziet
audit-profile-remove = verwijderde het samenwerkingsprofiel

## SOFA roles of family carers
sofa-heading = Rol als mantelzorger (SOFA)
sofa-short = Rol als mantelzorger
sofa-explain = Een mantelzorger kan verschillende rollen hebben tegenover de beroepskrachten (het SOFA-model van Movisie en MantelzorgNL). De persoonlijke band is er altijd. Welke rol verder past, verschilt per situatie.
sofa-none = Er is nog niets aangegeven. De persoonlijke band is er altijd.
sofa-legend = Welke rollen passen nu?
sofa-who-sees = Iedereen in de kring ziet dit, zodat jullie weten wat je van elkaar kunt vragen. De mantelzorger zelf en de beroepskrachten kunnen het aanpassen.
sofa-set-by = Aangegeven door { $name } op { $date }
sofa-samenwerken = Samenwerken: partner in de zorg
sofa-samenwerken-hint = Doet een deel van de zorg en werkt samen met de beroepskrachten.
sofa-ondersteunen = Ondersteunen: heeft zelf steun nodig
sofa-ondersteunen-hint = De zorg is zwaar. Deze mantelzorger heeft zelf hulp nodig om het vol te houden.
sofa-faciliteren = Faciliteren: de persoonlijke band
sofa-faciliteren-hint = Partner, kind of vriend: die band is er altijd. Soms is dat genoeg, "gewoon" de naaste zijn.
sofa-afstemmen = Afstemmen: kent de cliënt het best
sofa-afstemmen-hint = Weet alles van de cliënt. De beroepskrachten stemmen hun zorg af op wat deze mantelzorger weet.
sofa-role-invalid = Kies uit de rollen op de lijst.
audit-carer_roles-set = gaf de rol als mantelzorger aan
audit-profiles-list = bekeek de samenwerkingsprofielen en rollen
guide-client-word = de cliënt
profile-none = Beantwoord eerst de vragen.

## Carer check-in
checkin-title = Hoe gaat het met u? (mantelzorgcheck)
checkin-explain = Zorgen voor een naaste kan zwaar zijn. Met negen korte stellingen ziet u hoeveel druk u nu ervaart. Vul het in wanneer u wilt, bijvoorbeeld elke maand, dan ziet u hoe het verandert.
checkin-private = Alleen u ziet uw antwoorden en uw score. Niemand anders in de kring, ook de beroepskrachten en de coördinator niet.
checkin-score = Uw score: { $score } van { $max }
checkin-filled-in = Ingevuld op { $date }
checkin-trend = Hoe uw score verandert
checkin-chart-title = Uw scores door de tijd
checkin-chart-summary = { $count } keer ingevuld. Scores, van oud naar nieuw: { $scores }.
checkin-table-caption = Uw scores in een tabel
checkin-col-date = Datum
checkin-col-score = Score
checkin-start = De vragen
checkin-again = Opnieuw invullen
checkin-submit = Bekijk mijn score
checkin-item-missing = Kies een antwoord.
checkin-answer-every-item = Beantwoord alle negen de stellingen.
checkin-answer-unknown = Kies bij elke stelling een van de antwoorden.
checkin-source = Vragenlijst EDIZ. Bron: { $source }
checkin-link = Hoe gaat het met u? Doe de mantelzorgcheck
notice-checkin-saved = Uw antwoorden zijn bewaard. Alleen u ziet ze.
audit-checkins-list = bekeek de eigen mantelzorgcheck
audit-checkins-submit = vulde de mantelzorgcheck in
