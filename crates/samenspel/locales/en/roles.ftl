## Roles
role-client = client
role-representative = representative
role-relative = relative
role-volunteer = volunteer
role-professional = professional
role-coordinator = coordinator

## Who may see it
audience-circle = everybody in the circle
audience-professionals = professionals only (and the client)
audience-informal = family and volunteers only (and the client)
audience-chosen = only the chosen people
