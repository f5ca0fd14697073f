/**
 * Every user-facing text, in bokmål (the reference), nynorsk and English. Pure data with no
 * imports, so the tab can share it with the bot: one place to correct a word.
 */
export type Language = 'nb' | 'nn' | 'en';

const nb = {
  'status.not_started': 'Ikke startet',
  'status.on_track': 'I rute',
  'status.delayed': 'Forsinket',
  'status.done': 'Fullført',
  'status.cancelled': 'Avbrutt',
  'status.none': 'Ikke rapportert',
  'tab.pendingReport': 'Lagret – venter på overføring til SharePoint',
  'edit.button': 'Rediger',
  'edit.buttonLabel': 'Rediger tiltak {number}',
  'edit.title': 'Rediger tiltak {number}',
  'edit.text': 'Tiltak',
  'edit.responsible': 'Ansvarlig',
  'edit.indicator': 'Indikator',
  'edit.save': 'Lagre',
  'edit.cancel': 'Avbryt',
  'edit.conflict':
    'Noen andre har endret dette tiltaket mens du redigerte. Feltene viser nå den nye versjonen; teksten du skrev står under hvert felt. Se over og lagre på nytt.',
  'edit.yourText': 'Du skrev: {text}',
  'edit.failed': 'Kunne ikke lagre: {reason}',

  'period.yearly': 'Status pr. {month} {year}',
  'period.tertial': '{n}. tertial {year}',
  'period.quarterly': '{n}. kvartal {year}',

  'column.responsible': 'Ansvarlig',
  'column.indicator': 'Måleindikator',
  'column.status': 'Status',

  'bot.help':
    'Jeg hjelper deg å rapportere status på tiltakene du er ansvarlig for.\n\n' +
    '- **status** eller **mine tiltak**: få et skjema med tiltakene dine for denne perioden\n' +
    '- **hjelp**: vis denne teksten',
  'bot.unknownCommand': 'Jeg forsto ikke «{text}». Skriv **status** for å rapportere, eller **hjelp**.',
  'bot.welcome':
    'Hei! Jeg minner deg på statusrapportering for tiltak i digitaliseringsstrategien. Skriv **status** for å starte.',
  'bot.notResponsible':
    'Du står ikke som ansvarlig for noen tiltak i planene her. Ta kontakt med koordinatoren hvis dette er feil.',
  'bot.unknownUser': 'Jeg finner deg ikke i katalogen over ansvarlige. Ta kontakt med koordinatoren.',

  'card.title': 'Statusrapport: {plan}',
  'card.intro': '{period}. Du er ansvarlig for {count} tiltak. Velg status, og legg gjerne til en kommentar.',
  'card.statusLabel': 'Status for {number}',
  'card.statusPlaceholder': 'Velg status',
  'card.commentLabel': 'Kommentar til {number} (valgfritt)',
  'card.valueLabel': 'Verdi for {number}',
  'card.valueLabelUnit': 'Verdi for {number} ({unit})',
  'card.indicator': 'Måleindikator: {text}',
  'card.responsible': 'Ansvarlig: {text}',
  'card.submit': 'Send status',
  'card.answeredBy': 'Levert av {name} {date} kl. {time}.',
  'card.answeredTitle': 'Status levert: {plan}',
  'card.error.nothingChosen': 'Velg status for minst ett tiltak før du sender.',
  'card.error.statusMissing':
    'Velg status for {numbers} (du har skrevet en kommentar eller verdi). Ingenting er lagret.',
  'card.error.notAllowed': 'Du kan ikke rapportere på {numbers}: du står ikke som ansvarlig. Ingenting er lagret.',
  'card.error.invalid': 'Skjemaet kunne ikke leses. Ingenting er lagret. Skriv «status» for å få et nytt.',
  'card.error.unknownPlan': 'Planen finnes ikke lenger. Ingenting er lagret. Skriv «status» for å få et nytt skjema.',
  'card.error.commentTooLong': 'Kommentaren til {number} er for lang (maks {max} tegn). Ingenting er lagret.',
  'card.error.failed': 'Noe gikk galt, og ingenting ble lagret. Prøv igjen om litt.',

  'measure.goal': 'Mål',
  'measure.quickWin': 'Rask gevinst',
  'measure.appliesTo': 'Gjelder: {owners}',
  'indicator.numeric': '{baseline} → {target} {unit}',
  'indicator.targetOnly': 'Mål: {target} {unit}',
  'indicator.by': 'innen {date}',
  'indicator.latest': 'Siste verdi: {value} {unit}',
  'tab.host': 'vertskommune',
  'tab.source': 'Kilde',
  'measure.priority': 'Prioritering {rank}',
  'measure.benefitsAndFeasibility': 'Gevinst og gjennomførbarhet',
  'measure.feasibility': 'Gjennomførbarhet',
  'benefit.reduced-cost': 'Reduserte kostnader',
  'benefit.freed-capacity': 'Frigjort kapasitet',
  'benefit.increased-quality': 'Økt kvalitet',
  'import.warning.row-continued': 'Raden fortsetter raden over (sideskift): cellene er slått sammen med {number}.',
  'import.warning.cell-continued': 'Teksten til {number} står på neste rad og er slått sammen med den.',
  'import.warning.text-without-table-cells': 'Tekst uten tabellceller er lagt til {number}.',
  'import.warning.empty-text': '{number} har ingen tekst.',
  'import.warning.missing-responsible': '{number} har ingen ansvarlig.',
  'import.warning.missing-indicator': '{number} har ingen måleindikator.',
  'import.warning.number-mismatch': 'Nummeret {number} passer ikke med nivået over.',
  'import.warning.status-ignored': 'Statuskolonnen er ikke importert ({number}).',
  'import.error.no-header': 'Fant ingen tabellrad med kolonnene Tiltak og Ansvarlig.',
  'import.error.no-rows': 'Tabellen har ingen rader.',
  'import.error.row-before-goal': 'Raden kommer før noe hovedmål: «{detail}».',
  'import.error.duplicate-number': 'Nummeret {detail} er brukt to ganger.',
  'import.line': 'linje {line}',
  'tab.filters': 'Utvalg',
  'tab.municipality': 'Kommune',
  'tab.sector': 'Sektor',
  'tab.all': 'Alle',
  'import.missingFact': 'Dokumentet sier det ikke: fyll det inn.',
  'import.title': 'Importer en plan',
  'import.intro':
    'Velg måltabellen kopiert fra Word (lagret som .txt), en Excel-arbeidsbok fra Tiltak, eller et plandokument (.json). Du ser resultatet før noe lagres.',
  'import.file': 'Fil',
  'import.preview': 'Vis resultatet',
  'import.reading': 'Leser filen …',
  'import.checking': 'Leser dokumentet …',
  'import.saving': 'Lagrer planen …',
  'import.refused': 'Planen kan ikke importeres slik den er. Ingenting er lagret.',
  'import.summary': '{plan}: {measures} tiltak, {warnings} merknader. Sjekk og lagre.',
  'import.replace': 'Erstatt planen {id} som finnes fra før (statusrapportene beholdes)',
  'import.save': 'Lagre planen',
  'import.saved': 'Planen {id} er lagret.',
  'import.replaced': 'Planen {id} er erstattet.',
  'import.open': 'Åpne planen',
  'import.fact.title': 'Tittel',
  'import.fact.owner': 'Kommune(r), skilt med ;',
  'import.fact.fromYear': 'Fra år',
  'import.fact.toYear': 'Til år',
  'import.fact.language': 'Målform',
  'tab.import': 'Importer plan',
  'tab.export': 'Last ned Excel',
  'import.template': 'Last ned en tom mal for å fylle ut i Excel.',
  'tab.signInRequired': 'Du må være logget inn: åpne Tiltak som fane i Teams.',
  'import.forbidden': 'Bare koordinatoren for planen kan importere eller erstatte den.',
  'tab.devActAs': 'Logg inn som',
  'tab.devDeveloper': 'Lokal utvikler (alle roller)',
  'audit.title': 'Endringslogg',
  'audit.status-reported': 'rapporterte status',
  'audit.plan-imported': 'importerte planen',
  'audit.plan-replaced': 'erstattet planen',
  'audit.measure-edited': 'endret et tiltak',
  'audit.person-erased': 'slettet en persons opplysninger',
  'tab.appName': 'Tiltak',
  'tab.loading': 'Laster planen …',
  'tab.loadFailed': 'Kunne ikke hente planen: {reason}',
  'tab.retry': 'Prøv igjen',
  'tab.refresh': 'Oppdater',
  'tab.plan': 'Plan',
  'tab.period': 'Periode',
  'tab.noPlans': 'Ingen planer er lastet inn ennå.',
  'tab.devBanner': 'Utviklingsmodus: lokal lagring, ingen innlogging. Kun tilgjengelig fra denne maskinen.',
  'tab.reportedBy': 'Rapportert av {name} {date}',
  'tab.tableCaption': '{plan}: mål, strategier og tiltak med status for {period}',
  'tab.comment': 'Kommentar',
  'tab.summary': '{reported} av {total} tiltak har status for perioden.',
  'tab.configTitle': 'Vis en plan i denne kanalen',
  'tab.configOutsideTeams': 'Denne siden brukes når fanen legges til i en kanal i Teams.',
} as const;

export type MessageKey = keyof typeof nb;
type Catalog = Record<MessageKey, string>;

const nn: Catalog = {
  'status.not_started': 'Ikkje starta',
  'status.on_track': 'I rute',
  'status.delayed': 'Forseinka',
  'status.done': 'Fullført',
  'status.cancelled': 'Avbroten',
  'status.none': 'Ikkje rapportert',
  'tab.pendingReport': 'Lagra – ventar på overføring til SharePoint',
  'edit.button': 'Rediger',
  'edit.buttonLabel': 'Rediger tiltak {number}',
  'edit.title': 'Rediger tiltak {number}',
  'edit.text': 'Tiltak',
  'edit.responsible': 'Ansvarleg',
  'edit.indicator': 'Indikator',
  'edit.save': 'Lagre',
  'edit.cancel': 'Avbryt',
  'edit.conflict':
    'Nokon andre har endra dette tiltaket medan du redigerte. Felta viser no den nye versjonen; teksten du skreiv står under kvart felt. Sjå over og lagre på nytt.',
  'edit.yourText': 'Du skreiv: {text}',
  'edit.failed': 'Kunne ikkje lagre: {reason}',

  'period.yearly': 'Status pr. {month} {year}',
  'period.tertial': '{n}. tertial {year}',
  'period.quarterly': '{n}. kvartal {year}',

  'column.responsible': 'Ansvarleg',
  'column.indicator': 'Måleindikator',
  'column.status': 'Status',

  'bot.help':
    'Eg hjelper deg å rapportere status på tiltaka du er ansvarleg for.\n\n' +
    '- **status** eller **mine tiltak**: få eit skjema med tiltaka dine for denne perioden\n' +
    '- **hjelp**: vis denne teksten',
  'bot.unknownCommand': 'Eg forstod ikkje «{text}». Skriv **status** for å rapportere, eller **hjelp**.',
  'bot.welcome':
    'Hei! Eg minner deg på statusrapportering for tiltak i digitaliseringsstrategien. Skriv **status** for å starte.',
  'bot.notResponsible':
    'Du står ikkje som ansvarleg for nokon tiltak i planane her. Ta kontakt med koordinatoren dersom dette er feil.',
  'bot.unknownUser': 'Eg finn deg ikkje i katalogen over ansvarlege. Ta kontakt med koordinatoren.',

  'card.title': 'Statusrapport: {plan}',
  'card.intro': '{period}. Du er ansvarleg for {count} tiltak. Vel status, og legg gjerne til ein kommentar.',
  'card.statusLabel': 'Status for {number}',
  'card.statusPlaceholder': 'Vel status',
  'card.commentLabel': 'Kommentar til {number} (valfritt)',
  'card.valueLabel': 'Verdi for {number}',
  'card.valueLabelUnit': 'Verdi for {number} ({unit})',
  'card.indicator': 'Måleindikator: {text}',
  'card.responsible': 'Ansvarleg: {text}',
  'card.submit': 'Send status',
  'card.answeredBy': 'Levert av {name} {date} kl. {time}.',
  'card.answeredTitle': 'Status levert: {plan}',
  'card.error.nothingChosen': 'Vel status for minst eitt tiltak før du sender.',
  'card.error.statusMissing': 'Vel status for {numbers} (du har skrive ein kommentar eller verdi). Ingenting er lagra.',
  'card.error.notAllowed': 'Du kan ikkje rapportere på {numbers}: du står ikkje som ansvarleg. Ingenting er lagra.',
  'card.error.invalid': 'Skjemaet kunne ikkje lesast. Ingenting er lagra. Skriv «status» for å få eit nytt.',
  'card.error.unknownPlan': 'Planen finst ikkje lenger. Ingenting er lagra. Skriv «status» for å få eit nytt skjema.',
  'card.error.commentTooLong': 'Kommentaren til {number} er for lang (maks {max} teikn). Ingenting er lagra.',
  'card.error.failed': 'Noko gjekk gale, og ingenting vart lagra. Prøv igjen om litt.',

  'measure.goal': 'Mål',
  'measure.quickWin': 'Kjapp vinst',
  'measure.appliesTo': 'Gjeld: {owners}',
  'indicator.numeric': '{baseline} → {target} {unit}',
  'indicator.targetOnly': 'Mål: {target} {unit}',
  'indicator.by': 'innan {date}',
  'indicator.latest': 'Siste verdi: {value} {unit}',
  'tab.host': 'vertskommune',
  'tab.source': 'Kjelde',
  'measure.priority': 'Prioritering {rank}',
  'measure.benefitsAndFeasibility': 'Gevinst og gjennomførleg',
  'measure.feasibility': 'Gjennomførleg',
  'benefit.reduced-cost': 'Reduserte kostnader',
  'benefit.freed-capacity': 'Frigjort kapasitet',
  'benefit.increased-quality': 'Auka kvalitet',
  'import.warning.row-continued': 'Rada held fram rada over (sideskift): cellene er slått saman med {number}.',
  'import.warning.cell-continued': 'Teksten til {number} står på neste rad og er slått saman med han.',
  'import.warning.text-without-table-cells': 'Tekst utan tabellceller er lagd til {number}.',
  'import.warning.empty-text': '{number} har ingen tekst.',
  'import.warning.missing-responsible': '{number} har ingen ansvarleg.',
  'import.warning.missing-indicator': '{number} har ingen måleindikator.',
  'import.warning.number-mismatch': 'Nummeret {number} passar ikkje med nivået over.',
  'import.warning.status-ignored': 'Statuskolonna er ikkje importert ({number}).',
  'import.error.no-header': 'Fann inga tabellrad med kolonnane Tiltak og Ansvarleg.',
  'import.error.no-rows': 'Tabellen har ingen rader.',
  'import.error.row-before-goal': 'Rada kjem før noko hovudmål: «{detail}».',
  'import.error.duplicate-number': 'Nummeret {detail} er brukt to gonger.',
  'import.line': 'linje {line}',
  'tab.filters': 'Utval',
  'tab.municipality': 'Kommune',
  'tab.sector': 'Sektor',
  'tab.all': 'Alle',
  'import.missingFact': 'Dokumentet seier det ikkje: fyll det inn.',
  'import.title': 'Importer ein plan',
  'import.intro':
    'Vel måltabellen kopiert frå Word (lagra som .txt), ei Excel-arbeidsbok frå Tiltak, eller eit plandokument (.json). Du ser resultatet før noko vert lagra.',
  'import.file': 'Fil',
  'import.preview': 'Vis resultatet',
  'import.reading': 'Les fila …',
  'import.checking': 'Les dokumentet …',
  'import.saving': 'Lagrar planen …',
  'import.refused': 'Planen kan ikkje importerast slik han er. Ingenting er lagra.',
  'import.summary': '{plan}: {measures} tiltak, {warnings} merknader. Sjekk og lagra.',
  'import.replace': 'Erstatt planen {id} som finst frå før (statusrapportane vert haldne på)',
  'import.save': 'Lagra planen',
  'import.saved': 'Planen {id} er lagra.',
  'import.replaced': 'Planen {id} er erstatta.',
  'import.open': 'Opne planen',
  'import.fact.title': 'Tittel',
  'import.fact.owner': 'Kommune(ar), skilde med ;',
  'import.fact.fromYear': 'Frå år',
  'import.fact.toYear': 'Til år',
  'import.fact.language': 'Målform',
  'tab.import': 'Importer plan',
  'tab.export': 'Last ned Excel',
  'import.template': 'Last ned ein tom mal for å fylle ut i Excel.',
  'tab.signInRequired': 'Du må vere logga inn: opne Tiltak som fane i Teams.',
  'import.forbidden': 'Berre koordinatoren for planen kan importere eller erstatte han.',
  'tab.devActAs': 'Logg inn som',
  'tab.devDeveloper': 'Lokal utviklar (alle roller)',
  'audit.title': 'Endringslogg',
  'audit.status-reported': 'rapporterte status',
  'audit.plan-imported': 'importerte planen',
  'audit.plan-replaced': 'erstatta planen',
  'audit.measure-edited': 'endra eit tiltak',
  'audit.person-erased': 'sletta opplysningane om ein person',
  'tab.appName': 'Tiltak',
  'tab.loading': 'Lastar planen …',
  'tab.loadFailed': 'Kunne ikkje hente planen: {reason}',
  'tab.retry': 'Prøv igjen',
  'tab.refresh': 'Oppdater',
  'tab.plan': 'Plan',
  'tab.period': 'Periode',
  'tab.noPlans': 'Ingen planar er lasta inn enno.',
  'tab.devBanner': 'Utviklingsmodus: lokal lagring, inga innlogging. Berre tilgjengeleg frå denne maskina.',
  'tab.reportedBy': 'Rapportert av {name} {date}',
  'tab.tableCaption': '{plan}: mål, strategiar og tiltak med status for {period}',
  'tab.comment': 'Kommentar',
  'tab.summary': '{reported} av {total} tiltak har status for perioden.',
  'tab.configTitle': 'Vis ein plan i denne kanalen',
  'tab.configOutsideTeams': 'Denne sida vert brukt når fana vert lagd til i ein kanal i Teams.',
};

const en: Catalog = {
  'status.not_started': 'Not started',
  'status.on_track': 'On track',
  'status.delayed': 'Delayed',
  'status.done': 'Done',
  'status.cancelled': 'Cancelled',
  'status.none': 'Not reported',
  'tab.pendingReport': 'Saved – waiting to be written to SharePoint',
  'edit.button': 'Edit',
  'edit.buttonLabel': 'Edit measure {number}',
  'edit.title': 'Edit measure {number}',
  'edit.text': 'Measure',
  'edit.responsible': 'Responsible',
  'edit.indicator': 'Indicator',
  'edit.save': 'Save',
  'edit.cancel': 'Cancel',
  'edit.conflict':
    'Someone else changed this measure while you were editing. The fields now show the new version; what you wrote is shown under each field. Review and save again.',
  'edit.yourText': 'You wrote: {text}',
  'edit.failed': 'Could not save: {reason}',

  'period.yearly': 'Status as of {month} {year}',
  'period.tertial': 'Tertial {n} {year}',
  'period.quarterly': 'Q{n} {year}',

  'column.responsible': 'Responsible',
  'column.indicator': 'Indicator',
  'column.status': 'Status',

  'bot.help':
    'I help you report the status of the measures you are responsible for.\n\n' +
    '- **status** or **my measures**: get a form with your measures for this period\n' +
    '- **help**: show this text',
  'bot.unknownCommand': 'I did not understand “{text}”. Write **status** to report, or **help**.',
  'bot.welcome':
    'Hi! I remind you to report the status of the measures in the digitalisation strategy. Write **status** to start.',
  'bot.notResponsible':
    'You are not responsible for any measures in the plans here. Contact the coordinator if this is wrong.',
  'bot.unknownUser': 'I cannot find you in the directory of responsible people. Contact the coordinator.',

  'card.title': 'Status report: {plan}',
  'card.intro': '{period}. You are responsible for {count} measures. Choose a status, and add a comment if you like.',
  'card.statusLabel': 'Status of {number}',
  'card.statusPlaceholder': 'Choose status',
  'card.commentLabel': 'Comment on {number} (optional)',
  'card.valueLabel': 'Value for {number}',
  'card.valueLabelUnit': 'Value for {number} ({unit})',
  'card.indicator': 'Indicator: {text}',
  'card.responsible': 'Responsible: {text}',
  'card.submit': 'Send status',
  'card.answeredBy': 'Sent by {name} on {date} at {time}.',
  'card.answeredTitle': 'Status sent: {plan}',
  'card.error.nothingChosen': 'Choose a status for at least one measure before sending.',
  'card.error.statusMissing': 'Choose a status for {numbers} (you wrote a comment or value). Nothing was saved.',
  'card.error.notAllowed': 'You cannot report on {numbers}: you are not responsible. Nothing was saved.',
  'card.error.invalid': 'The form could not be read. Nothing was saved. Write “status” to get a new one.',
  'card.error.unknownPlan': 'The plan no longer exists. Nothing was saved. Write “status” to get a new form.',
  'card.error.commentTooLong': 'The comment on {number} is too long (max {max} characters). Nothing was saved.',
  'card.error.failed': 'Something went wrong and nothing was saved. Please try again shortly.',

  'measure.goal': 'Goal',
  'measure.quickWin': 'Quick win',
  'measure.appliesTo': 'Applies to: {owners}',
  'indicator.numeric': '{baseline} → {target} {unit}',
  'indicator.targetOnly': 'Target: {target} {unit}',
  'indicator.by': 'by {date}',
  'indicator.latest': 'Latest value: {value} {unit}',
  'tab.host': 'host municipality',
  'tab.source': 'Source',
  'measure.priority': 'Priority {rank}',
  'measure.benefitsAndFeasibility': 'Benefits and feasibility',
  'measure.feasibility': 'Feasibility',
  'benefit.reduced-cost': 'Reduced costs',
  'benefit.freed-capacity': 'Freed capacity',
  'benefit.increased-quality': 'Increased quality',
  'import.warning.row-continued': 'The row continues the row above (page break): its cells are joined with {number}.',
  'import.warning.cell-continued': 'The text of {number} is on the next row and was joined with it.',
  'import.warning.text-without-table-cells': 'Text without table cells was added to {number}.',
  'import.warning.empty-text': '{number} has no text.',
  'import.warning.missing-responsible': '{number} has no responsible.',
  'import.warning.missing-indicator': '{number} has no indicator.',
  'import.warning.number-mismatch': 'The number {number} does not fit the level above.',
  'import.warning.status-ignored': 'The status column was not imported ({number}).',
  'import.error.no-header': 'No table row with the columns Tiltak and Ansvarlig was found.',
  'import.error.no-rows': 'The table has no rows.',
  'import.error.row-before-goal': 'The row comes before any goal: “{detail}”.',
  'import.error.duplicate-number': 'The number {detail} is used twice.',
  'import.line': 'line {line}',
  'tab.filters': 'Filters',
  'tab.municipality': 'Municipality',
  'tab.sector': 'Sector',
  'tab.all': 'All',
  'import.missingFact': 'The document does not say: please fill it in.',
  'import.title': 'Import a plan',
  'import.intro':
    'Choose the goal table copied from Word (saved as .txt), an Excel workbook from Tiltak, or a plan document (.json). You see the result before anything is saved.',
  'import.file': 'File',
  'import.preview': 'Show the result',
  'import.reading': 'Reading the file …',
  'import.checking': 'Reading the document …',
  'import.saving': 'Saving the plan …',
  'import.refused': 'The plan cannot be imported as it is. Nothing was saved.',
  'import.summary': '{plan}: {measures} measures, {warnings} notes. Check and save.',
  'import.replace': 'Replace the existing plan {id} (its status reports are kept)',
  'import.save': 'Save the plan',
  'import.saved': 'The plan {id} is saved.',
  'import.replaced': 'The plan {id} is replaced.',
  'import.open': 'Open the plan',
  'import.fact.title': 'Title',
  'import.fact.owner': 'Municipality (several separated by ;)',
  'import.fact.fromYear': 'From year',
  'import.fact.toYear': 'To year',
  'import.fact.language': 'Written standard',
  'tab.import': 'Import plan',
  'tab.export': 'Download Excel',
  'import.template': 'Download a blank template to fill in with Excel.',
  'tab.signInRequired': 'You need to be signed in: open Tiltak as a tab in Teams.',
  'import.forbidden': "Only the plan's coordinator can import or replace it.",
  'tab.devActAs': 'Sign in as',
  'tab.devDeveloper': 'Local developer (every role)',
  'audit.title': 'Change log',
  'audit.status-reported': 'reported status',
  'audit.plan-imported': 'imported the plan',
  'audit.plan-replaced': 'replaced the plan',
  'audit.measure-edited': 'edited a measure',
  'audit.person-erased': "erased a person's data",
  'tab.appName': 'Measures',
  'tab.loading': 'Loading the plan …',
  'tab.loadFailed': 'Could not load the plan: {reason}',
  'tab.retry': 'Try again',
  'tab.refresh': 'Refresh',
  'tab.plan': 'Plan',
  'tab.period': 'Period',
  'tab.noPlans': 'No plans have been loaded yet.',
  'tab.devBanner': 'Development mode: local storage, no sign-in. Reachable from this machine only.',
  'tab.reportedBy': 'Reported by {name} on {date}',
  'tab.tableCaption': '{plan}: goals, strategies and measures with status for {period}',
  'tab.comment': 'Comment',
  'tab.summary': '{reported} of {total} measures have a status for the period.',
  'tab.configTitle': 'Show a plan in this channel',
  'tab.configOutsideTeams': 'This page is used when the tab is added to a channel in Teams.',
};

const catalogs: Record<Language, Catalog> = { nb, nn, en };

const NORWEGIAN_MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];
const MONTHS: Record<Language, string[]> = {
  nb: NORWEGIAN_MONTHS,
  nn: NORWEGIAN_MONTHS,
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** Every message key, for tests that check the catalogs are complete. */
export function messageKeys(): MessageKey[] {
  return Object.keys(nb) as MessageKey[];
}

export function t(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[lang][key] ?? nb[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Teams and browsers give BCP 47 locales; "no" is treated as bokmål. Anything else falls back to English. */
export function languageFromLocale(locale: string | undefined | null): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  if (base === 'nn') return 'nn';
  if (base === 'nb' || base === 'no') return 'nb';
  return 'en';
}

/** "2027-01" → "Status pr. januar 2027", "2026-T2" → "2. tertial 2026", "2026-Q3" → "3. kvartal 2026". */
export function periodLabel(lang: Language, periodId: string): string {
  const year = periodId.slice(0, 4);
  const rest = periodId.slice(5);
  if (rest.startsWith('T')) return t(lang, 'period.tertial', { n: rest.slice(1), year });
  if (rest.startsWith('Q')) return t(lang, 'period.quarterly', { n: rest.slice(1), year });
  const month = MONTHS[lang][Number(rest) - 1] ?? rest;
  return t(lang, 'period.yearly', { month, year });
}

/** A status column's heading: "Status pr. januar 2027" already names itself; "2. tertial 2026" gets "Status" before it. */
export function statusColumnLabel(lang: Language, periodId: string): string {
  const label = periodLabel(lang, periodId);
  const status = t(lang, 'column.status');
  return label.startsWith(status) ? label : `${status} ${label}`;
}

/** Date and time as Norwegians write them (22.11.2026, 14:05), in Oslo time. */
export function formatOsloDateTime(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);
  const time = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(
    d,
  );
  return { date, time };
}
