## Kringen
circles-title = Mijn kringen
circles-empty = Je bent nog geen lid van een kring. Heb je een uitnodiging gekregen? Open dan de link uit die e-mail. Je kunt ook zelf een kring starten.
circles-my-role = Jouw rol: { $role }
circles-member-count = { $count ->
    [one] 1 lid
   *[other] { $count } leden
}
circles-access-until = Je hebt toegang tot en met { $date }.
circle-archived-badge = Gearchiveerd
circles-start = Een kring starten
circle-new-title = Een kring starten
circle-new-intro = Een kring is de groep mensen rond één persoon: de cliënt, familie, vrijwilligers en zorgverleners. Daarna nodig je de anderen uit.
field-client-name = Voor wie is de kring?
field-client-name-hint = De naam zoals jullie die gebruiken, bijvoorbeeld "opa Wim" of "mevrouw Jansen".
field-description = Korte uitleg (mag leeg blijven)
field-my-role = Jouw rol in deze kring
field-my-relation = Wat ben je van deze persoon?
field-relation-hint = Bijvoorbeeld: dochter, buurman, wijkverpleegkundige.
field-place = Hoort de kring bij een organisatie?
place-independent = Nee, we starten zelf (zonder organisatie)
circle-new-button = Kring starten
circle-of = Kring van
circle-own = Jouw kring
circle-nav-label = Onderdelen van deze kring
tab-members = Leden
tab-invitations = Uitnodigen
tab-audit = Wie keek mee
tab-settings = Instellingen
