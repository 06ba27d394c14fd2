## Transfer to a care record (FHIR)

fhir-title = Transfer to a care record
more-fhir-hint = Download the circle for a care record (FHIR).
fhir-explain = Download the circle as a file for a care record or another care system. The file follows the FHIR R4 standard.
fhir-only-yours = It holds only what you may see in the circle.
fhir-holds = In the file: who is in the circle, the wellbeing plan and the agreements, agreements due for review, the logbook, the agenda for the next three months, who may see what, and for the client and the representative also who looked.
fhir-download = Download (FHIR, JSON)
fhir-logged = The download is listed in "Who looked".
audit-fhir-export = downloaded the circle for a care record
