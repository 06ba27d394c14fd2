## Leden
members-heading = { $count ->
    [one] 1 lid
   *[other] { $count } leden
}
members-you = jij
members-contact-person = Vaste contactpersoon
members-manages = Beheert de kring
members-until = Toegang tot en met { $date }
members-invite = Iemand uitnodigen
field-role = Rol
field-relation = Relatie
member-email-hidden = Alleen zichtbaar voor een deel van de kring
member-joined = Lid sinds
field-access-until = Toegang tot en met
member-change-heading = Lidmaatschap aanpassen
field-contact-person = Vaste contactpersoon
field-manager = Mag de kring beheren
field-manager-hint = Beheerders kunnen mensen uitnodigen, rollen aanpassen en de kring archiveren.
field-access-until-hint = Voor een invaller of een korte klus. Laat leeg als er geen einddatum is. Op deze dag is er nog toegang, de dag erna niet meer.
member-remove-heading = Uit de kring halen
member-remove-explain = { $name } kan dan direct niets meer zien in deze kring.
member-remove-confirm = Weet je zeker dat je { $name } uit de kring wilt halen?
member-remove-button = Uit de kring halen
