# The coach's inbox (issue 14): what needs a person across my circles.
inbox-title = Te doen
inbox-link = Te doen
inbox-explain = { $count ->
    [one] Wat in je kring iemand nodig heeft. Pak iets op, dan zien andere coördinatoren dat jij ermee bezig bent. Klaar? Zet het op klaar.
   *[other] Wat in je { $count } kringen iemand nodig heeft. Pak iets op, dan zien andere coördinatoren dat jij ermee bezig bent. Klaar? Zet het op klaar.
}
inbox-empty = Er staat niets open. Goed bezig!
inbox-kind-signal = Mantelzorgers die hulp kunnen gebruiken
inbox-kind-help = Hulpvragen zonder antwoord
inbox-kind-shift = Diensten deze week zonder iemand
inbox-kind-review = Afspraken om te bespreken
inbox-kind-newcomer = Nieuwe leden om kennis mee te maken
inbox-since = Sinds { $date }
inbox-nobody = Nog niemand pakt dit op.
inbox-on-it = Opgepakt door { $name }
inbox-on-it-me = jou
inbox-claim = Ik pak dit op
inbox-done = Klaar
inbox-claimed-notice = Je pakt dit op. Anderen zien dat nu.
inbox-done-notice = Staat op klaar.
audit-inbox-circle = bekeek wat er te doen is in de kring
audit-inbox-claim = pakte iets op uit de lijst Te doen
audit-inbox-done = zette iets op klaar in de lijst Te doen
