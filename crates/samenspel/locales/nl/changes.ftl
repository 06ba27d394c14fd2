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
change-text-too-long = Maak dit korter: hoogstens 1000 tekens.
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
