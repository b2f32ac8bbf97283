package proposal

import (
	"testing"
)

// These lines were written while the word lists were taught German,
// French, Spanish and Dutch: they show what the lists are meant to do and
// what they must leave alone, and are no measure of how well they read
// text they have not seen (testdata/coach/languages is that measure).
func TestBenefitsAcrossLanguages(t *testing.T) {
	for _, c := range []struct {
		text              string
		personal, private bool
	}{
		// Written without accents, in compounds, in Dutch and German word order.
		{"Mehr Zeit fuer meine Kinder", true, true},
		{"Kinderbetreuung wird einfacher", true, true},
		{"Keine Pendelzeit mehr", true, false},
		{"Weniger Fahrtzeit", true, false},
		{"Besser fuer den Ruecken", true, false},
		{"Die Kinder kann ich selbst abholen", true, true},
		{"Plus de temps pour mes enfants", true, true},
		{"Pour moi c'est plus simple", true, false},
		{"Mas tiempo con mis ninos", true, true},
		{"Para mi es mas comodo", true, false},
		{"Sin atascos", true, false},
		{"Meer tijd met de kinderen", true, true},
		{"Mijn zoon kan ik zelf ophalen", true, true},
		{"Minder files", true, false},
		// The team's gain, even when it names the commute or the writer.
		{"Die Fahrtzeit nutze ich für Kundenanfragen", false, false},
		{"Moins de trajet, donc disponible plus tôt pour les clients", false, false},
		{"Cuidar a los clientes clave por la tarde", false, false},
		{"Minder reistijd, dus eerder aan de slag met tickets", false, false},
		{"Réponses avant la mi-journée", false, false},
		// English words that other languages spell the same stay English.
		{"Mon and Fri give the team quiet time", false, false},
		{"Days are monday to friday (or mon to fri)", false, false},
		{"A desk in a quiet spare room", false, false},
		{"Abernathy & Cole CPAs", false, false},
		{"The office is 30 mi away", false, false},
		{"Our shared files are backed up nightly", false, false},
		{"More time for Rust", false, false},
	} {
		if got := PersonalBenefit(c.text); got != c.personal {
			t.Errorf("PersonalBenefit(%q) = %v, want %v", c.text, got, c.personal)
		}
		if got := PrivateMatter(c.text); got != c.private {
			t.Errorf("PrivateMatter(%q) = %v, want %v", c.text, got, c.private)
		}
	}
}

// TestHedgedInEveryLanguage checks that a precedent its writer is not sure
// of is recognised in every language the documents are written in, so it
// stays on the prep sheet, and that a plain statement is not.
func TestHedgedInEveryLanguage(t *testing.T) {
	for text, want := range map[string]bool{
		"Ich glaube, im Vertrieb arbeiten zwei Kollegen schon so": true,
		"Im Vertrieb arbeiten zwei Kollegen seit 2024 so":         false,
		"Je crois que l’équipe RH fait déjà deux jours":           true,
		"L’équipe RH fait deux jours depuis 2024":                 false,
		"Al parecer, en Contabilidad ya lo hacen":                 true,
		"En Contabilidad teletrabajan dos días desde 2024":        false,
		"Volgens mij werkt het team Financiën al zo":              true,
		"Het team Financiën werkt sinds 2024 twee dagen thuis":    false,
		"Peut-être que le service achats le fait":                 true,
		"Soweit ich weiß, hat die IT eine Ausnahme":               true,
	} {
		if got := Hedged(text); got != want {
			t.Errorf("Hedged(%q) = %v, want %v", text, got, want)
		}
	}
}
