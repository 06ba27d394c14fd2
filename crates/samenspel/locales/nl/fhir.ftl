## Overdracht naar een zorgdossier (FHIR)

fhir-title = Overdracht naar een zorgdossier
more-fhir-hint = De kring downloaden voor een zorgdossier (FHIR).
fhir-explain = Download de kring als bestand voor een zorgdossier of een ander zorgsysteem. Het bestand volgt de norm FHIR R4.
fhir-only-yours = Er staat alleen in wat jij in de kring mag zien.
fhir-holds = In het bestand: wie er in de kring zitten, het welzijnsplan en de afspraken, afspraken die opnieuw bekeken moeten worden, het logboek, de agenda van de komende drie maanden, wie wat mag zien, en voor de cliënt en de vertegenwoordiger ook wie er meekeek.
fhir-download = Download (FHIR, JSON)
fhir-logged = Het downloaden staat in 'Wie keek mee'.
audit-fhir-export = downloadde de kring voor een zorgdossier
