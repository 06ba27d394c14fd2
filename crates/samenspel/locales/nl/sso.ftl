## Inloggen met je werkaccount (single sign-on)

sso-heading = Inloggen met je werkaccount
sso-explain = Werk je bij { $label }? Log dan in met het account van je werk.
sso-button = Inloggen met { $label }
sso-failed-title = Inloggen met { $label } is niet gelukt
sso-back = Terug naar inloggen
sso-provider-down = We konden de inlogpagina van je organisatie niet bereiken. Probeer het over een paar minuten opnieuw.
sso-attempt-gone = Deze inlogpoging is verlopen of al gebruikt. Begin opnieuw op de inlogpagina.
sso-cancelled = Het inloggen is afgebroken. Begin opnieuw op de inlogpagina.
sso-refused = Het antwoord van je organisatie klopte niet. Begin opnieuw op de inlogpagina. Lukt het dan nog niet, vraag dan je beheerder om hulp.
sso-no-account = Er is in Samenspel nog geen account met het e-mailadres van je werk. Vraag je beheerder of een coördinator om je uit te nodigen.
sso-signed-out-title = Je bent afgemeld
sso-signed-out-text = Je bent afgemeld bij Samenspel. We sturen je door om ook bij je organisatie af te melden.
sso-signed-out-button = Verder naar je organisatie
