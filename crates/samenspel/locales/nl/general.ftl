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
