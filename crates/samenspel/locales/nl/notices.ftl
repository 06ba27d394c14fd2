## Meldingen na een actie
notice-saved = Opgeslagen.
notice-member-removed = Deze persoon is uit de kring gehaald.
notice-invitation-revoked = De uitnodiging is ingetrokken.
notice-circle-archived = De kring is gearchiveerd.
notice-circle-restored = De kring is teruggezet.
notice-left-circle = Je bent uit de kring gestapt.
notice-session-revoked = Dat apparaat is afgemeld.
notice-sessions-revoked = Je bent op alle andere apparaten afgemeld.
notice-token-revoked = De sleutel is ingetrokken.
notice-password-saved = Je wachtwoord is opgeslagen.
notice-joined = Welkom in de kring!
