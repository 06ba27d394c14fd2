# Pushmeldingen en de app op je telefoon (issue 18).

# Op het vergrendelscherm: alleen de voornaam van de cliënt, verder niets.
push-news = Nieuw in { $own ->
        [yes] je kring
       *[no] de kring van { $client }
    }

push-circle-setting = Meldingen op mijn telefoon of computer
push-circle-setting-hint = Je krijgt een melding bij hetzelfde als een e-mail die meteen komt, ook niet in je rusttijd. Zet de melding aan op een apparaat via Mijn account.

push-devices-heading = Meldingen op je telefoon of computer
push-devices-explain = Op deze apparaten krijg je een melding als er iets nieuws is. In de melding staat alleen in welke kring. Wat er is gebeurd zie je pas als je Samenspel opent.
push-devices-none = Je hebt nog geen apparaat met meldingen.
push-device-unknown = Onbekende browser
push-device-since = Aangezet op { $date }
push-device-remove = Weghalen
push-enable = Aanzetten op dit apparaat
push-enable-denied = Je browser staat meldingen van Samenspel niet toe. Je kunt dat veranderen in de instellingen van je browser.
push-enable-failed = Het aanzetten is niet gelukt. Probeer het later nog eens.
push-added = Meldingen staan aan op dit apparaat.
push-removed = Het apparaat krijgt geen meldingen meer.

push-endpoint-invalid = Dit adres van de meldingendienst klopt niet. Het moet met https:// beginnen.
push-keys-invalid = De sleutels van je browser kloppen niet. Probeer het opnieuw.
push-too-many-devices = Je hebt al 20 apparaten met meldingen. Haal er eerst een weg.

push-offline-title = Je bent offline
push-offline-text = Er is nu geen internet. Pagina's die je eerder hebt bekeken kun je wel openen, zoals het overzicht van je kring.
push-offline-again = Opnieuw proberen
push-offline-circles = Naar je kringen
# Boven een bewaarde pagina als er geen internet is. { $time } vult de app zelf in.
push-offline-notice = Je bent offline — dit is wat je het laatst zag ({ $time }).
