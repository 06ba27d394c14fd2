## Wie ziet wat: toestemming per soort informatie

consent-title = Wie ziet wat
more-consent-hint = Wie welke informatie over de cliënt mag zien.
settings-consent-explain = De cliënt beslist wie wat mag zien in de kring.
settings-consent-link = Bekijk wie wat ziet
consent-intro = { $own ->
        [yes] Jij beslist wie wat mag zien in je kring.
       *[no] { $client } beslist wie wat mag zien in de kring.
    }
consent-client-side = De cliënt en de vertegenwoordiger zien altijd alles.
consent-how = Zet een vinkje bij wie iets mag zien. Haal het vinkje weg als iemand het niet mag zien.
consent-at-once = Een verandering geldt meteen: op de site, in de app, in agenda-apps en in e-mails.
consent-only-client = { $own ->
        [yes] Jij of je vertegenwoordiger kan dit veranderen.
       *[no] Alleen { $client } of de vertegenwoordiger kan dit veranderen.
    }
consent-everyone = Iedereen in de kring mag dit zien.
consent-not-for = Dit mogen niet zien: { $roles }.
consent-decided = { $name } ({ $role }) besliste dit op { $date }.

consent-role-relative = naasten
consent-role-volunteer = vrijwilligers
consent-role-professional = beroepskrachten
consent-role-coordinator = coördinatoren

consent-category-updates = Logboek: updates
consent-category-updates-hint = Wat er gedaan is en hoe het ging. Wie dit niet mag zien, ziet deze berichten niet en krijgt er geen e-mail over.
consent-category-moments = Logboek: mooie momenten
consent-category-moments-hint = Fijne momenten met de cliënt. Wie dit niet mag zien, ziet ze niet in het logboek en in het overzicht.
consent-category-concerns = Logboek: zorgen
consent-category-concerns-hint = Wat iemand opvalt of zorgen baart. Wie dit niet mag zien, kan er ook niet op antwoorden.
consent-category-questions = Logboek: vragen
consent-category-questions-hint = Vragen aan de kring. Wie dit niet mag zien, kan ze ook niet beantwoorden.
consent-category-thanks = Logboek: bedankjes
consent-category-thanks-hint = Bedankjes tussen leden. Wie dit niet mag zien, krijgt ook geen bedankje.
consent-category-agenda = Agenda en rooster
consent-category-agenda-hint = Afspraken, activiteiten, diensten en hulpvragen. Wie dit niet mag zien, kan zich ook niet inschrijven voor een dienst.
consent-category-about_client = Dit ben ik en het welzijnsplan
consent-category-about_client-hint = Wie de cliënt is, wat belangrijk is, de doelen. Wie dit niet mag zien, kan er ook niets aan toevoegen.
consent-category-agreements = Afspraken: wie doet wat
consent-category-agreements-hint = Wie welke taak heeft. Wie dit niet mag zien, kan ook geen afspraken maken.
consent-category-network = Netwerkkaart
consent-category-network-hint = Wie er om de cliënt heen staan. Wie dit niet mag zien, kan de kaart ook niet veranderen.
consent-category-conversations = Gesprekken
consent-category-conversations-hint = De antwoorden uit gesprekken met de gesprekshulp. Wie dit niet mag zien, kan ook geen gesprek vastleggen.
consent-category-carer_signals = Signalen van mantelzorgers
consent-category-carer_signals-hint = Als een mantelzorger laat weten dat hulp welkom is. Wie dit niet mag zien, ziet het signaal niet.

consent-view-as-heading = Bekijk de kring als een ander
consent-view-as-explain = Zie wat iemand met een andere rol wel en niet ziet.
consent-view-as-relative = Bekijk als naaste
consent-view-as-volunteer = Bekijk als vrijwilliger
consent-view-as-professional = Bekijk als beroepskracht
consent-view-as-coordinator = Bekijk als coördinator
consent-seen-by-relative = Zo ziet een naaste de kring
consent-seen-by-volunteer = Zo ziet een vrijwilliger de kring
consent-seen-by-professional = Zo ziet een beroepskracht de kring
consent-seen-by-coordinator = Zo ziet een coördinator de kring
consent-view-as-intro = Hier zie je per onderdeel wat deze rol ziet. Wat verborgen is, staat erbij met de reden.
consent-view-as-other = Bekijk ook als:
consent-back = Terug naar wie ziet wat
consent-sees-count = Ziet { $shown } van de { $of }.
consent-hidden-by-writer = { $count ->
        [one] 1 bericht is voor een kleinere groep. De schrijver koos wie het mag zien.
       *[other] { $count } berichten zijn voor een kleinere groep. De schrijver koos wie ze mag zien.
    }
consent-hidden = Verborgen.
consent-hidden-no-decider = De cliënt heeft dit zo gekozen.
consent-latest = Nieuwste berichten die deze rol ziet
consent-latest-none = Deze rol ziet geen berichten in het logboek.

notice-consent-saved = Opgeslagen. Dit geldt meteen voor iedereen in de kring.
consent-category-unknown = Deze soort informatie bestaat niet.
consent-role-unknown = Kies een naaste, vrijwilliger, beroepskracht of coördinator.

audit-consent-view = bekeek wie wat ziet
audit-consent-save = veranderde wie wat ziet
audit-consent-view_as = bekeek de kring als een andere rol
audit-consent-change = veranderde wie wat ziet
consent-category-export = Overdracht naar een zorgdossier
consent-category-export-hint = Een beroepskracht kan de kring downloaden voor het eigen zorgdossier (FHIR). Daarin staat alleen wat die persoon zelf mag zien. Wie dit niet mag, kan niets downloaden.
consent-nothing-yet = Hier staat nog niets.
consent-export-everyone = Alle beroepskrachten en coördinatoren mogen dit.
