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
image-too-large = Deze foto heeft te veel beeldpunten om te verwerken (hoogstens 40 megapixel, en hoogstens 10.000 per zijde). Stuur een kleinere versie.
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
mail-entry-concern-lead = { $author } deelt een zorg in { $own ->
        [yes] je kring
       *[no] de kring van { $client }
    }:
mail-entry-question-subject = Er is een nieuwe vraag in Samenspel
mail-entry-question-lead = { $author } stelt een vraag in { $own ->
        [yes] je kring
       *[no] de kring van { $client }
    }:
mail-entry-thanks-subject = Iemand bedankt je in Samenspel
mail-entry-thanks-lead = { $author } bedankt je in { $own ->
        [yes] je kring
       *[no] de kring van { $client }
    }:
mail-entry-button = Bekijken en reageren
mail-reply-subject = Er is een antwoord in Samenspel
mail-reply-lead = { $author } reageerde in { $own ->
        [yes] je kring
       *[no] de kring van { $client }
    }:
mail-digest-daily-subject = Je dagelijkse samenvatting van Samenspel
mail-digest-weekly-subject = Je wekelijkse samenvatting van Samenspel
mail-digest-daily-lead = Dit gebeurde vandaag in { $own ->
        [yes] je kring
       *[no] de kring van { $client }
    }:
mail-digest-weekly-lead = Dit gebeurde deze week in { $own ->
        [yes] je kring
       *[no] de kring van { $client }
    }:
mail-digest-open = Naar de kring
mail-digest-read = Lezen
mail-settings-footer = Wil je minder of andere e-mails? Dat kan met één klik:
mail-settings-link = meldingen aanpassen
mail-shifts-footer = Wil je geen e-mails meer over je diensten? Dat kan met één klik:
mail-shifts-link = geen e-mails meer over mijn diensten
mail-check-in-footer = Wil je deze herinnering niet meer krijgen? Dat kan met één klik:
mail-check-in-link = geen herinneringen meer

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
audience-professionals-hint = Zorgverleners en coördinatoren.
audience-informal-hint = Familie, naasten en vrijwilligers.
audience-client-always = De cliënt en de vertegenwoordiger kunnen dit altijd lezen.
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
notifications-explain = Hoe wil je horen wat er gebeurt in { $own ->
        [yes] je kring
       *[no] de kring van { $client }
    }?
notifications-immediate = Stuur mij meteen een e-mail bij een nieuwe vraag of zorg, bij een bedankje voor mij en bij een antwoord op mijn vraag
notifications-immediate-hint = Alleen als je het bericht mag zien.
notifications-digest = Een samenvatting van al het andere
notifications-shifts = Stuur mij een e-mail de dag voor mijn dienst, en als iemand een vervanger zoekt voor een dienst die ik kan doen
notifications-check-in = { $count ->
    [one] Je krijgt elke week een herinnering voor je mantelzorgcheck.
   *[other] Je krijgt elke { $count } weken een herinnering voor je mantelzorgcheck.
}
notifications-check-in-stop = Geen herinneringen meer
stop-title-news = Geen nieuws meer over deze kring per e-mail?
stop-explain-news = Je krijgt dan geen e-mail meer over nieuwe berichten en geen samenvatting. E-mails over je diensten krijg je nog wel.
stop-title-shifts = Geen e-mails meer over je diensten?
stop-explain-shifts = Je krijgt dan geen herinnering meer de dag voor je dienst. We vragen je ook niet meer per e-mail om een dienst over te nemen. Je diensten staan nog wel in de agenda.
stop-title-check-in = Geen herinneringen meer voor de mantelzorgcheck?
stop-explain-check-in = Je krijgt dan geen e-mail meer die je eraan herinnert. Je kunt de check altijd zelf invullen.
stop-button = Ja, stop deze e-mails
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
notice-news-mail-stopped = Je krijgt geen nieuws meer over deze kring per e-mail. Je kunt dat hieronder weer aanzetten.
notice-shift-mail-stopped = Je krijgt geen e-mails meer over je diensten. Je kunt dat hieronder weer aanzetten.
notice-check-in-reminders-stopped = Je krijgt geen herinneringen meer voor de mantelzorgcheck.
overview-for-me-heading = Voor jou
overview-for-me-nothing = Er wacht nu niets op jou.
overview-answered = Antwoord op je vraag
overview-close-question = Afsluiten
overview-swap-asked = { $name } vraagt of je wilt ruilen:
overview-help-can-you = Kun jij helpen?
overview-help-choose = { $count ->
    [one] Iemand biedt hulp aan. Kies wie helpt:
   *[other] { $count } mensen bieden hulp aan. Kies wie helpt:
}
overview-own-signal-link = Bekijk wat je kunt doen
overview-changes-heading = Veranderingen
overview-all-new-count = { $count ->
    [one] Het nieuwe bericht lezen
   *[other] Alle { $count } nieuwe berichten lezen
}
