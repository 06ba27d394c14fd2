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
