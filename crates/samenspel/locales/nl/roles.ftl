## Rollen
role-client = cliënt
role-representative = vertegenwoordiger
role-relative = naaste
role-volunteer = vrijwilliger
role-professional = beroepskracht
role-coordinator = coördinator

## Wie mag het zien
audience-circle = iedereen in de kring
audience-professionals = alleen beroepskrachten (en de cliënt)
audience-informal = alleen naasten en vrijwilligers (en de cliënt)
audience-chosen = alleen de gekozen personen
