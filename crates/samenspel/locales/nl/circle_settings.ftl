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
settings-retention-explain = Je organisatie bewaart een gearchiveerde kring { $days } dagen. Daarna wordt alles in de kring gewist: het logboek, de afspraken, de agenda en Dit ben ik.
settings-retention-deleted-on = Op { $date } wordt deze kring gewist, met alles erin. Je organisatie bewaart een gearchiveerde kring { $days } dagen. Zet de kring terug als dat niet mag gebeuren.
