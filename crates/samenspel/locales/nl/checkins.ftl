## Carer check-in
checkin-title = Hoe gaat het met jou? (mantelzorgcheck)
checkin-explain = Zorgen voor een naaste kan zwaar zijn. Met negen korte zinnen zie je hoeveel druk je nu voelt. Vul het in wanneer je wilt, bijvoorbeeld elke maand. Dan zie je hoe het verandert.
checkin-private = Alleen jij ziet je antwoorden en je score. Niemand anders in de kring, ook de beroepskrachten en de coördinator niet.
checkin-score = Je score: { $score } van { $max }
checkin-filled-in = Ingevuld op { $date }
checkin-trend = Hoe je score verandert
checkin-chart-title = Je scores door de tijd
checkin-chart-summary = { $count } keer ingevuld. Scores, van oud naar nieuw: { $scores }.
checkin-table-caption = Je scores in een tabel
checkin-col-date = Datum
checkin-col-score = Score
checkin-start = De vragen
checkin-again = Opnieuw invullen
checkin-submit = Bekijk mijn score
checkin-item-missing = Kies een antwoord.
checkin-answer-every-item = Beantwoord alle negen de stellingen.
checkin-answer-unknown = Kies bij elke stelling een van de antwoorden.
checkin-source = Vragenlijst EDIZ. Bron: { $source }
checkin-link = Hoe gaat het met jou? Doe de mantelzorgcheck
notice-checkin-saved = Je antwoorden zijn bewaard. Alleen jij ziet ze.
audit-checkins-list = bekeek de eigen mantelzorgcheck
audit-checkins-submit = vulde de mantelzorgcheck in
signal-heading = Kun je wel wat hulp gebruiken?
signal-explain = Je hoeft het niet alleen te doen. Laat het weten, dan kijken we samen wat kan.
signal-audience = Met wie wil je dit delen?
signal-to-coordinator = met de coördinator
signal-to-circle = met iedereen in de kring
signal-message = Wat wil je erbij zeggen? (mag leeg)
signal-no-score = We delen alleen dat je hulp kunt gebruiken, met je bericht. Je antwoorden en je score blijven van jou.
signal-share = Deel: ik kan wel wat hulp gebruiken
signal-shared-circle = Je hebt op { $date } met de kring gedeeld dat je wel wat hulp kunt gebruiken.
signal-shared-coordinator = Je hebt op { $date } met de coördinator gedeeld dat je wel wat hulp kunt gebruiken.
signal-options = Wat kun je nu doen?
signal-option-respite = Vraag de kring om iemand die het even van je overneemt (respijt)
signal-option-coordinator = Praat met { $name } (coördinator)
signal-option-review = Kijk samen opnieuw wie wat doet (evaluatiegesprek)
signal-withdraw = Ik heb geen hulp meer nodig
signal-audience-invalid = Kies met wie je dit deelt.
signal-message-too-long = Maak je bericht korter (hoogstens 500 tekens).
signal-no-coordinator = Deze kring heeft geen coördinator. Deel het met de kring.
signals-heading = Hulp gevraagd
signal-from = { $name } kan wel wat hulp gebruiken.
signal-mine = Je hebt gedeeld dat je wel wat hulp kunt gebruiken.
signal-offer-help = Bied hulp aan in het logboek
notice-signal-shared = Gedeeld. Hieronder zie je wat je nu kunt doen.
notice-signal-withdrawn = Je bericht is teruggenomen.
audit-signals-share = deelde dat er hulp nodig is
audit-signals-withdraw = nam het hulpsignaal terug
audit-signals-list = bekeek wie hulp kan gebruiken

## Vrijwilligerscheck
volunteer-link = Hoe gaat het samenwerken voor jou? Vul de vrijwilligerscheck in.
volunteer-explain = Een paar korte vragen over hoe het samenwerken voor jou gaat: voel je je gewaardeerd, weet je wat er speelt, heb je wat je nodig hebt, en past wat je doet bij jou?
volunteer-private = Alleen jij ziet je antwoorden. Je kunt ze delen met de coördinator.
volunteer-history = Je eerdere antwoorden
volunteer-shared-on = gedeeld met de coördinator op { $date }
volunteer-share-this = Deel deze met de coördinator
volunteer-form-heading = Vul de vrijwilligerscheck in
volunteer-share-field = Deel mijn antwoorden met de coördinator
volunteer-share-hint = Alleen de coördinatoren van deze kring zien ze dan. Anderen nooit.
volunteer-shared-heading = Vrijwilligerscheck
volunteer-shared-explain = Deze antwoorden deelde de vrijwilliger met jou als coördinator. Niemand anders ziet ze.
volunteer-answer-every-item = Beantwoord alle vragen.
notice-volunteer-saved = Je antwoorden zijn bewaard.
notice-thanks-sent = Je bedankje is verstuurd.
notice-reminder-saved = Je herinnering is ingesteld.
audit-volunteer_checkins-list = bekeek de eigen vrijwilligerscheck
audit-volunteer_checkins-submit = vulde de vrijwilligerscheck in
audit-volunteer_checkins-share = deelde de vrijwilligerscheck met de coördinator
audit-volunteer_checkins-shared = bekeek gedeelde vrijwilligerschecks

## Herinneringen voor de mantelzorgcheck
reminder-heading = Herinnering
reminder-none = Je krijgt geen herinnering.
reminder-next = De volgende herinnering komt op { $date }.
reminder-field = Stuur mij een herinnering
reminder-hint = Per e-mail, met een link naar deze pagina. In de e-mail staat nooit je score.
reminder-off = Geen herinnering
reminder-every = { $count ->
    [one] Elke week
   *[other] Elke { $count } weken
}
reminder-weeks-invalid = Kies hoe vaak je een herinnering wilt.
mail-reminder-subject = Tijd voor je mantelzorgcheck
mail-reminder-lead = Hoe gaat het met jou, in de zorg voor { $client }?
mail-reminder-text = { $count ->
    [one] Je vroeg om elke week een herinnering. Het invullen duurt twee minuten. Alleen jij ziet de antwoorden.
   *[other] Je vroeg om elke { $count } weken een herinnering. Het invullen duurt twee minuten. Alleen jij ziet de antwoorden.
}
mail-reminder-button = Vul de check in
audit-reminders-set = stelde een herinnering in
about-hidden = Hier staat iets dat alleen anderen kunnen lezen.
about-part-hidden = Dit deel kun jij niet lezen: de schrijver of de cliënt koos wie het ziet.
about-chosen-hint = Jij ziet het altijd.
