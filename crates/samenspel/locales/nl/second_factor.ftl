## De tweede stap bij het inloggen (authenticator-app en herstelcodes)
second-factor-title = Tweede stap bij het inloggen
second-factor-explain = Met een tweede stap is inloggen veiliger. Na je wachtwoord of je inloglink vraagt Samenspel om een code van 6 cijfers. Die code staat in een authenticator-app op je telefoon. Zo'n app maakt elke 30 seconden een nieuwe code. Alleen jouw telefoon kent die codes. Iemand die je wachtwoord of je e-mail heeft, kan dan toch niet bij je gegevens.
second-factor-manage = Tweede stap instellen
second-factor-back-to-account = Terug naar mijn account
second-factor-must-set-up = Voor jouw account is een tweede stap verplicht. Stel die eerst in. Daarna kun je verder.
second-factor-on = De tweede stap staat aan
second-factor-off = De tweede stap staat uit
second-factor-app-heading = Authenticator-app
second-factor-app-start-button = Authenticator-app instellen
second-factor-required = Voor jou is de tweede stap verplicht. Dat komt doordat je met gegevens van cliënten werkt, of doordat je organisatie het vraagt.
second-factor-voluntary = Je mag zelf kiezen of je de tweede stap gebruikt. Het maakt je account veiliger.
second-factor-start-button = Tweede stap instellen
second-factor-recovery-left = { $count ->
    [one] Je hebt nog 1 herstelcode over.
   *[other] Je hebt nog { $count } herstelcodes over.
}
second-factor-devices = { $count ->
    [one] Op 1 apparaat hoef je 30 dagen geen code te geven.
   *[other] Op { $count } apparaten hoef je 30 dagen geen code te geven.
}
second-factor-devices-forget = Alle apparaten vergeten
second-factor-off-heading = De tweede stap uitzetten
second-factor-off-explain = Wil je de tweede stap niet meer gebruiken? Geef dan een code uit je app en zet hem uit. Je herstelcodes werken daarna niet meer.
second-factor-off-required = Voor jou is de tweede stap verplicht. Je kunt hem niet uitzetten. Ben je je telefoon kwijt? Vraag dan de beheerder van je organisatie om hulp.
second-factor-off-button = Tweede stap uitzetten
second-factor-setup-heading = Zo stel je de tweede stap in
second-factor-setup-step-app = Zet een authenticator-app op je telefoon. Dat is een app die inlogcodes maakt. Je vindt er een in de app-winkel van je telefoon, bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP. Ze zijn gratis.
second-factor-setup-step-scan = Open de app en kies voor een nieuw account. Scan dan met de camera van je telefoon deze vierkante code (QR-code).
second-factor-setup-or-type = Lukt scannen niet? Typ dan deze geheime sleutel over in de app:
second-factor-secret-label = Geheime sleutel voor de app
second-factor-setup-step-code = De app laat nu een code van 6 cijfers zien. Typ die code hieronder in. Zo weten we dat het goed gaat.
second-factor-confirm-button = Code controleren en aanzetten
second-factor-code-label = Code
second-factor-code-hint = De 6 cijfers uit je authenticator-app. Heb je je telefoon niet bij je? Typ dan een van je herstelcodes.
second-factor-code-title = Geef je code
second-factor-code-explain = Je bent bijna ingelogd. Open de authenticator-app op je telefoon en typ de code van 6 cijfers die je daar ziet.
second-factor-step-up-explain = Deze gegevens zijn extra beschermd. Geef daarom nog een keer een code uit je authenticator-app. Daarna kun je 15 minuten verder zonder code.
second-factor-remember = Dit apparaat 30 dagen onthouden
second-factor-remember-hint = Dan vragen we op dit apparaat 30 dagen geen code. Doe dit alleen op je eigen computer of telefoon, niet op een computer die je met anderen deelt.
second-factor-code-button = Verder
second-factor-lost = Ben je je telefoon kwijt en heb je geen herstelcodes meer? Vraag dan de beheerder van je organisatie om de tweede stap uit te zetten. Daarna kun je hem opnieuw instellen.
second-factor-locked = { $count ->
    [one] Je hebt te vaak een verkeerde code gegeven. Daarom werkt ook een goede code even niet. Probeer het over 1 minuut opnieuw.
   *[other] Je hebt te vaak een verkeerde code gegeven. Daarom werkt ook een goede code even niet. Probeer het over { $count } minuten opnieuw.
}
second-factor-codes-title = Je herstelcodes
second-factor-enabled-notice = De tweede stap staat aan.
second-factor-codes-explain = Dit zijn je herstelcodes. Een herstelcode gebruik je als je je telefoon niet bij je hebt of kwijt bent. Je typt hem dan in plaats van de code uit de app. Elke herstelcode werkt maar één keer.
second-factor-codes-once = Je ziet deze codes maar één keer. Schrijf ze op of print ze, en bewaar ze op een veilige plek. Niet op je telefoon.
second-factor-codes-done = Ik heb de codes bewaard
second-factor-disabled-notice = De tweede stap staat uit.
second-factor-devices-forgotten-notice = Alle apparaten zijn vergeten. Je geeft daar weer een code bij het inloggen.

## Foutmeldingen
second-factor-code-wrong = Deze code klopt niet. Kijk goed naar de code in je app en typ hem opnieuw. Een code werkt maar één keer.
second-factor-start-again = Het instellen is niet gelukt. Begin opnieuw.
second-factor-already-on = De tweede stap staat al aan.
second-factor-not-on = Je hebt geen tweede stap ingesteld.
second-factor-sign-in-expired = Het inloggen duurde te lang. Log opnieuw in.
second-factor-needed-for-token = Stel eerst een tweede stap in. Daarna kun je een sleutel maken.

## Wie keek mee: regels over de tweede stap
audit-second-factor-enabled = zette de tweede stap aan
audit-second-factor-disabled = zette de tweede stap uit
audit-second-factor-step-up = gaf een code voor extra beschermde gegevens
audit-second-factor-devices-forgotten = liet alle onthouden apparaten vergeten
audit-second-factor-device-remembered = liet een apparaat 30 dagen onthouden
audit-second-factor-wrong-code = gaf een verkeerde code
audit-second-factor-locked = gaf te vaak een verkeerde code en moet even wachten
audit-second-factor-recovery-code-used = gebruikte een herstelcode
audit-second-factor-signed-in = logde in met de tweede stap
audit-second-factor-reset = kreeg de tweede stap uitgezet door de beheerder
