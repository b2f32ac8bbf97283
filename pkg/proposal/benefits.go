package proposal

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/propose-cli/propose/pkg/fastre"
)

// The word lists below hold one pattern a language for each concept, and
// a text matches the concept when any language's pattern is in it: a
// benefit is read the same whatever language the request is written in.
// The text is folded first (fastre.Fold), so the patterns other than English
// are written without accents and match "niños" and "ninos" alike; German
// umlauts are written ue? so that "für", "fur" and "fuer" all match. A
// word that is also an English word ("kind", "files", "stress", "mon") is
// only listed in a phrase that cannot be English, so that English text
// reads as it did.

// personalWords mark a text as the employee's own gain; teamWords as
// something the team or the company gets.
var (
	personalWords = fastre.MustCompile(anyLanguage(
		`commut|\bdriv(e|ing)\b|\bgas\b|mileage|tolls?\b|\btrain\b|\bfares?\b|travel|family|\bkids?\b|children|\bchild\b|\bsons?\b|daughter|nursery|school|pick[- ]?up|my health|wellbeing|well-being|\bsleep|\bpets?\b|\bdogs?\b|happier|i prefer|i like|i enjoy|my preference|work-life|balance|personal|me time|parking|fuel|petrol|\bcarer\b|\bcaring\b|\bsav(e|ing) (money|£|\$|€)|[£$€][0-9]`,
		// de: Pendeln, Pendelzeit, Fahrtzeit, Arbeitsweg, Stau, Sprit, Schlaf, lieber
		`pendel|fahrt(zeit|weg|kosten)|fahrzeit|fahrerei|anfahrt|arbeitsweg|berufsverkehr|\bstaus?\b|\bsprit\b|benzin|tank(en|kosten)\b|parkplatz|parkgebue?hr|\bzug\b|\bbahn\b|schlaf|ausgeruht|erholt|rue?cken\b|gesundheit|wohlbefinden|stressfrei|weniger stress|vereinbarkeit|freizeit|\bich (arbeite |bin )?lieber\b|\blieber (von |zu ?hause|daheim)|\bich mag\b|gefae?llt mir|\bgeld\b|\bspar(t|en)\b|gespart|ersparnis`,
		// fr: trajet, transports, essence, péage, dormir, sommeil, vie perso
		`trajet|transports? en commun|les transports|\brer\b|en metro|la voiture|en voiture|essence|carburant|peage|bouchons|embouteillage|\bdormir|sommeil|me reposer|moins de fatigue|moins de stress|\bstresse\b|\bsante\b|bien-etre|vie (perso|personnelle|privee|de famille)|concilier|equilibre|je prefere|je prefererais|j'aime|au calme|confortable|plus (heureux|heureuse|serein|sereine)|economies? d|economiser|j'economise`,
		// es: trayecto, coche, atasco, gasolina, dormir, salud, prefiero
		`trayecto|desplazamiento|\bcoche\b|atasco|trafico|cercanias|transporte publico|en metro|el metro|gasolina|peaje|aparca|\bdormir|descans|\bsueno\b|espalda|\bsalud\b|estres\b|vida (personal|familiar)|conciliar|conciliacion|prefiero|me gusta|a gusto|\bcomod(o|a)\b|tranquil(o|a|idad)\b|ahorr(o|a|ar|aria)\b|(al|el) cole\b|colegio`,
		// nl: reistijd, files, benzine, trein, slapen, rustig, liever, privé
		`reistijd|reiskosten|\breizen\b|woon-werk|forens|\bfiles? (meer|staan)|(geen|minder) files|in de file|benzine|brandstof|parkeer|in de trein|met de trein|\bslapen|\bslaap|uitslapen|uitgerust|\brustig|ontspan|gezondheid|minder stress|\bbalans\b|\bprive\b|\bliever\b|\bprettig|\bfijn\b|\blekker\b|bespaar|\bscheelt\b`,
		// money in any language: 250€, 200 €, 250 euros
		`[0-9] ?(€|euros?\b)`,
	))
	teamWords = fastre.MustCompile(anyLanguage(
		`\bteam|output|coverage|\bcover(s|ed|ing)?\b|\bcalls?\b|escalat|client|customer|account|retention|retain|deliver|focus|productiv|quality|deadline|\bcosts?\b|revenue|service|\bhir(e|ing)\b|fill roles|faster|business|project|stakeholder|meeting|budget|time zones?|review|design|mentor|support|sales|pipeline|ticket|report|forecast|analys|planning|office days|company|employer|organi[sz]ation|interruption|uninterrupted|deep work|throughput|response|sick days?|absence|patients?|charting|backlog`,
		// de: Kunden, erreichbar, Unterbrechungen, Störungen, Abschlüsse, Angebote
		`\bkund(e|en|in)|mandant|erreichbar|anfrage|beantwort|antwortzeit|unterbrech|ungestoe?rt|\bstoe?rung|konzentr|produktiv|abschlue?ss|buchung|korrektur|fehler|telefonat|\banruf|innendienst|vertrieb|umsatz|planung|bue?roflae?che|\bein(en)? arbeitsplatz|\bangebot|schneller|kalkul|\bdoku|projekt|bericht|auswertung|qualitae?t|\bfrist|rue?ckstand|bereitschaft|krankheitstage|krankmeld|fehltage|fehlzeit|\bkosten\b|\bfirma\b|unternehmen|arbeitgeber|kollegen`,
		// fr: équipe, joignable, clôtures, erreurs, devis, astreinte
		`equipe|collegue|productif|joignable|couvrir|couverture|permanence|astreinte|alerte|reponse|repondre|cloture|comptab|erreur|qualite|devis|\bfactur|commande|\bun poste de travail|postes de travail|\brdv\b|reunion d|projet|doc technique|documentation technique|entreprise|\bsociete\b|\bdelais?\b|livraison|absenteisme|arrets? maladie`,
		// es: equipo, clientes, llamadas, cobertura, nóminas, presupuestos
		`equipo|compan?eros|llamadas?\b|cobertura|cubrir|interrupcion|revisiones|\bnominas?\b|respuesta|responder a|incidencias?|\bun puesto\b|proyecto|documentacion|presupuesto|entregas?\b|\bplazos?\b|ventas|factura|informes?\b|calidad|empresa|concentracion|errores|\bcierres?\b|plantilla|absentismo|bajas? (laborales|por)`,
		// nl: klant, collega's, bereikbaar, onderbrekingen, offertes, storingen
		`klant|collega|bereikbaar|onderbrek|offertes?\b|storingen|afsluiting|correcties|fouten|een werkplek|werkplekken|\bhuur\b|inwerk|reageren|reactietijd|bedrijf|organisatie|kwaliteit|oplever|productie|verzuim|ziekmeld|ziektedagen|(minder|vaak) ziek`,
	))
	// privateWords name a private matter (children, family, health, care):
	// a benefit that names one is personal, whatever gain it also names,
	// and it is not the manager's to read as the team's case.
	privateWords = fastre.MustCompile(anyLanguage(
		`\bkids?\b|\bfamily\b|children|\bchild\b|\bchildcare|daycare|day care|nursery|little one|\bbaby\b|toddler|\bsons?\b|daughter|school run|my (wife|husband|partner|mum|mom|dad|father|mother|parents?)\b|\bcarer\b|\bcaring for\b|my health|pregnan|\bdisab|chronic|therapy|home sick`,
		// de: Kinder, Kinderbetreuung, Kita, Tochter, Familie, Pflege meiner Mutter
		`(?-i:\bKinder)|\bkinder(n|betreuung|krippe|garten|arzt|wagen)\b|\b(die|meine|unsere|den|meinen|unseren|der|zwei|drei|beide) kinder\b|\b(ein|mein|unser|das|dem|meinem|unserem) kind\b|\bkita\b|krippe|tagesmutter|kleinkind|\btoe?chter|\bsoe?hne?\b|\bfamilie\b|\bfamilien|\b(meine|meiner|meinen|meinem|mein) (frau|mann|partner|partnerin|mutter|vater|eltern|mama|papa|oma|opa|schwester|bruder|schwiegermutter|gesundheit)\b|\bpflege (meine|meiner|meines|von|der eltern)|pflegebedue?rftig|angehoe?rig|schwanger|behinder|chronisch|therapie|arzttermin`,
		// fr: enfants, crèche, ma fille, mon père, ma santé
		`enfant|\bbebe\b|creche|nounou|garderie|\bfilles?\b|\bfils\b|famille|familial|\b(mon|ma|mes) (mari|femme|epouse|epoux|conjointe?|compagnon|compagne|mere|pere|parents|maman|papa|grand-mere|grand-pere|soeur|frere|sante|dos)\b|aidant|enceinte|grossesse|handicape|chronique|therapie|rendez-vous medicaux`,
		// es: niños, hijos, guardería, mi madre, mi salud, cuidar de
		`\bnin(o|a|os|as)\b|\bhij(o|a|os|as)\b|\bbebe\b|guarderia|\bfamilia\b|vida familiar|familiares|\b(mi|mis) (madre|padre|padres|mujer|marido|pareja|esposa|esposo|abuela|abuelo|suegra|suegro|hermana|hermano|mama|papa|salud)\b|cuidar (de|a) (mi|mis)\b|embaraz|discapacidad|\bcronic(a|o)\b|terapia`,
		// nl: kinderen, kinderopvang, dochter, gezin, mijn moeder, mantelzorg
		`kinderen|kinderopvang|\b(mijn|m'n|ons|het|een|onze) kind\b|\bdochter|\bzoon|\bzonen\b|\bgezin|kinderdagverblijf|\bopvang\b|\boppas|\b(mijn|m'n) (vrouw|man|partner|moeder|vader|ouders|ma|pa|vriendin|vriend|oma|opa|zus|broer|schoonmoeder|gezondheid)\b|mantelzorg|zwanger|beperking|chronisch|therapie`,
	))
	// firstPerson is a text about the employee's own state: "I'm fresh at
	// 7am", "I would get more done without the noise".
	firstPerson = fastre.MustCompile(`^\s*` + anyLanguage(
		`(i|i'm|i’m|i'd|i’d|i'll|i’ll|i've|i’ve|me|my|myself)\b`,
		`(ich|mir|mich|mein\w*)\b`,
		`(je|moi)\b|j'`,
		`(yo|mis?)\b`,
		`(ik|mij|mijn)\b|m'n\b`,
	))
)

// anyLanguage joins one pattern a language into one that matches any of
// them, ignoring case.
func anyLanguage(patterns ...string) string {
	return `(?i)(` + strings.Join(patterns, "|") + `)`
}

// PersonalBenefit reports whether a benefit names the employee's own gain
// rather than the team's: a private matter (children, family, health),
// whatever else it says; or a personal one (the commute, sleep) or the
// employee's own state, with nothing the team or the company gets.
// Such a reason is the user's, for the prep sheet; it is never listed as
// what the team gains.
func PersonalBenefit(text string) bool {
	if v, ok := personalSeen.Load(text); ok {
		return v.(bool)
	}
	personal := personalBenefit(text)
	if personalSeenCount.Add(1) > maxPersonalSeen {
		// A long-running preview sees many texts: start again.
		personalSeen.Clear()
		personalSeenCount.Store(1)
	}
	personalSeen.Store(text, personal)
	return personal
}

// personalSeen remembers PersonalBenefit's answers: a render asks about
// each benefit several times (the views, the coach), and its patterns,
// many words in five languages, take long on a long text.
var (
	personalSeen      sync.Map
	personalSeenCount atomic.Int64
)

const maxPersonalSeen = 4096

func personalBenefit(text string) bool {
	t := strings.TrimSpace(fastre.Fold(text))
	if privateWords.MatchString(t) {
		return true
	}
	if teamWords.MatchString(t) {
		return false
	}
	if firstPerson.MatchString(t) || mentionsMe.MatchString(t) {
		return true // "Fridays are quieter for me"
	}
	if !personalWords.MatchString(t) {
		return false
	}
	// "No commute", "Saves me two hours a day driving": the gain is the
	// person's. "Cash gets applied first thing instead of after the
	// commute": the work is the subject, and the commute only a time.
	// An article other than English's opens the gain's noun phrase: "Een
	// betere balans", "Une meilleure santé".
	first, rest, _ := strings.Cut(strings.ToLower(t), " ")
	first = strings.Trim(first, ",.;:")
	if articles[first] {
		first, _, _ = strings.Cut(strings.TrimLeft(rest, " "), " ")
		first = strings.Trim(first, ",.;:")
	}
	return gainWords[first]
}

// gainWords open a line that names a gain: "No commute", "Less driving";
// "Kein Pendeln", "Moins de trajets", "Menos atascos", "Geen files".
// A few name the gain itself: "Dormir más".
var gainWords = map[string]bool{
	"no": true, "less": true, "fewer": true, "more": true, "save": true, "saves": true, "saving": true,
	"savings": true, "better": true, "lower": true, "cheaper": true, "shorter": true, "zero": true,
	// de
	"kein": true, "keine": true, "keinen": true, "weniger": true, "mehr": true, "spart": true,
	"sparen": true, "besser": true, "bessere": true, "besserer": true, "guenstiger": true, "gunstiger": true,
	"kurzere": true, "kuerzere": true, "ohne": true, "ausschlafen": true,
	// fr
	"pas": true, "plus": true, "moins": true, "economie": true, "economies": true, "economiser": true,
	"meilleur": true, "meilleure": true, "sans": true, "fini": true, "finis": true, "dormir": true,
	// es (and "no", as in English)
	"menos": true, "mas": true, "ahorro": true, "ahorra": true, "ahorrar": true, "mejor": true, "sin": true,
	"descansar": true, /* "dormir", as in French */
	// nl
	"geen": true, "minder": true, "meer": true, "bespaar": true, "bespaart": true, "besparing": true,
	"scheelt": true, "beter": true, "betere": true, "goedkoper": true, "korter": true, "kortere": true,
	"zonder": true, "uitslapen": true,
}

// articles open a noun phrase in German, French, Spanish and Dutch. "a",
// "an" and "the" are not among them: English lines are read as they were.
var articles = map[string]bool{"ein": true, "eine": true, "un": true, "une": true, "una": true, "el": true,
	"la": true, "le": true, "les": true, "los": true, "las": true, "een": true, "het": true, "de": true,
	"der": true, "das": true}

// mentionsMe finds the writer as the one who gains: "for me", "my drive";
// "für mich", "pour moi", "para mí", "voor mij". French "ma", "mon" and
// "mes" count only after a French word ("pour ma", "de mon"): "mon to
// fri" is Monday; "m'" only before a vowel: "m's" is not French.
// Spanish "mi" does not count after a number: "30 mi" is a distance.
var mentionsMe = fastre.MustCompile(anyLanguage(
	`\b(me|my|mine|myself)\b`,
	`\b(mir|mich|mein|meine|meiner|meinen|meinem|meines|meins)\b`,
	`\b(moi|moi-meme)\b|\bm'[aeiouyh]|\b(pour|avec|de|d'|a|chez|sur|par|dans|et|sans) (ma|mon|mes)\b`,
	`(^|[^0-9\s-])\s*\bmis?([\s,.;:!?)]|$)|\bconmigo\b`,
	`\b(mij|mijn|mezelf|mijzelf)\b|\bm'n\b`,
))

// TeamBenefit reports whether a text names a gain for the team or the
// company.
func TeamBenefit(text string) bool { return teamWords.MatchString(fastre.Fold(text)) }

// PersonalWords reports whether a text names a personal matter: the
// commute, family, health, preference.
func PersonalWords(text string) bool { return personalWords.MatchString(fastre.Fold(text)) }

// PrivateMatter reports whether a text names a private matter: children,
// family, health or care.
func PrivateMatter(text string) bool { return privateWords.MatchString(fastre.Fold(text)) }

// hedgeWords mark a text its writer is not sure of: hearsay or a guess.
var hedgeWords = fastre.MustCompile(`(?i)\b(not sure|i think|i believe|i['’]ve heard|i have heard|i heard|apparently|supposedly|rumou?rs?|i guess|probably|maybe|might be` +
	// German, French, Spanish and Dutch, written without accents: the
	// text is folded first.
	`|ich glaube|glaube ich|ich denke|angeblich|anscheinend|vermutlich|vielleicht|soweit ich weiss|habe gehort|hab gehort|nicht sicher|gerucht\w*` +
	`|je crois|je pense|il parait|apparemment|peut-etre|on m.a dit|j.ai entendu|il semble|probablement|pas sur|sauf erreur` +
	`|creo que|al parecer|parece que|quizas?|tal vez|me han dicho|he oido|supongo|probablemente|no estoy segur[oa]|segun dicen` +
	`|ik geloof|volgens mij|schijnbaar|blijkbaar|misschien|ik denk|naar ik hoor|heb gehoord|vermoedelijk|waarschijnlijk|niet zeker|zou(den)? )\b`)

// Hedged reports whether a text says its writer is not sure of it ("Not
// sure yet, I've heard the sales team…", "Ich glaube, im Vertrieb…"): the
// documents would state it as fact to the manager.
func Hedged(text string) bool {
	return hedgeWords.MatchString(fastre.Fold(text))
}
