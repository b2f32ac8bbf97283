// Package proposal holds the version-1 proposal model: the types behind the
// YAML file format, strict loading with line and column for every field,
// defaults, derived dates and validation.
//
// The `yaml` tag of each field is the user's interface (see the JSON Schema);
// keep the names stable and snake_case. The `validate` tags hold the rules
// go-playground/validator can express; the rest live in validate.go.
package proposal

// Version is the only file-format version this build reads.
const Version = 1

// Scenario names the situation a proposal is written for.
type Scenario string

// The scenarios of DESIGN §2.
const (
	ScenarioTrial      Scenario = "trial"
	ScenarioOffer      Scenario = "offer"
	ScenarioKeepRemote Scenario = "keep-remote"
	ScenarioReask      Scenario = "reask"
)

// Scenarios lists every known scenario in the order they are documented.
var Scenarios = []Scenario{ScenarioTrial, ScenarioOffer, ScenarioKeepRemote, ScenarioReask}

// Proposal is one request for remote or hybrid work, as the user wrote it,
// completed by ApplyDefaults.
type Proposal struct {
	Version        int           `yaml:"version" validate:"required"`
	Scenario       Scenario      `yaml:"scenario" validate:"required,oneof=trial offer keep-remote reask"`
	Date           Date          `yaml:"date"`
	Paper          string        `yaml:"paper" validate:"omitempty,oneof=letter a4"`
	Employee       Employee      `yaml:"employee"`
	Manager        Manager       `yaml:"manager"`
	Company        Company       `yaml:"company"`
	Arrangement    Arrangement   `yaml:"arrangement"`
	Communication  Communication `yaml:"communication"`
	OutputTracking []string      `yaml:"output_tracking" validate:"dive,required"`
	Equipment      Equipment     `yaml:"equipment"`
	Trial          Trial         `yaml:"trial"`
	Performance    Performance   `yaml:"performance"`
	Benefits       []string      `yaml:"benefits" validate:"dive,required"`
	Evidence       []EvidenceRef `yaml:"evidence" validate:"dive"`
	Reask          Reask         `yaml:"reask"`
	Offer          Offer         `yaml:"offer"`
	Private        Private       `yaml:"private"`

	// Derived holds what ApplyDefaults computes; it is never read from the file.
	Derived Derived `yaml:"-"`

	source *Source // where each field was written; nil for a proposal built in code
}

// Source returns where each field of the proposal was written, or nil.
func (p *Proposal) Source() *Source { return p.source }

// Employee is the person making the request.
type Employee struct {
	Name           string `yaml:"name" validate:"required"`
	Title          string `yaml:"title" validate:"required"`
	Team           string `yaml:"team"`
	Email          string `yaml:"email" validate:"omitempty,email"`
	CommuteMinutes int    `yaml:"commute_minutes" validate:"omitempty,min=1,max=600"`
}

// Manager is the person who decides.
type Manager struct {
	Name  string `yaml:"name" validate:"required"`
	Title string `yaml:"title"`
	Email string `yaml:"email" validate:"omitempty,email"`
}

// Company is the employer, its written policy and the precedents inside it.
type Company struct {
	Name       string   `yaml:"name"`
	Policy     Policy   `yaml:"policy"`
	Precedents []string `yaml:"precedents" validate:"dive,required"`
}

// Policy is the company's existing flexible-work policy, if there is one.
type Policy struct {
	Name      string `yaml:"name"`
	Reference string `yaml:"reference"`
	Summary   string `yaml:"summary"`
}

// Arrangement is the working pattern being asked for.
type Arrangement struct {
	Type                string    `yaml:"type" validate:"required,oneof=hybrid remote"`
	RemoteDays          []Weekday `yaml:"remote_days"`
	OfficeDays          []Weekday `yaml:"office_days"`
	CoreHours           CoreHours `yaml:"core_hours"`
	Start               Date      `yaml:"start"`
	RemoteLocation      string    `yaml:"remote_location"`
	RemoteWork          []string  `yaml:"remote_work" validate:"dive,required"`
	InPersonCommitments []string  `yaml:"in_person_commitments" validate:"dive,required"`
}

// CoreHours are the hours the employee is reachable on every working day.
type CoreHours struct {
	Start    Clock  `yaml:"start"`
	End      Clock  `yaml:"end"`
	Timezone string `yaml:"timezone"`
}

// Communication is how the manager and team reach the employee and hear
// from them.
type Communication struct {
	Channels     []string  `yaml:"channels" validate:"dive,required"`
	ResponseTime string    `yaml:"response_time"`
	CheckIns     []CheckIn `yaml:"check_ins" validate:"dive"`
	StatusReport string    `yaml:"status_report" validate:"omitempty,oneof=daily weekly biweekly monthly"`
}

// CheckIn is one recurring touchpoint with the manager.
type CheckIn struct {
	Cadence string `yaml:"cadence" validate:"required,oneof=daily weekly biweekly monthly"`
	Format  string `yaml:"format" validate:"required"`
}

// Equipment is what the remote workplace runs on.
type Equipment struct {
	Items        []EquipmentItem `yaml:"items" validate:"dive"`
	Connectivity string          `yaml:"connectivity"`
	Workspace    string          `yaml:"workspace"`
	Security     string          `yaml:"security"`
}

// EquipmentItem is one piece of equipment and who provides it.
type EquipmentItem struct {
	Name       string `yaml:"name" validate:"required"`
	ProvidedBy string `yaml:"provided_by" validate:"omitempty,oneof=company me"`
}

// Trial is the reversible trial period with its success metrics.
type Trial struct {
	LengthDays int      `yaml:"length_days" validate:"omitempty,min=30,max=90"`
	CheckInDay int      `yaml:"check_in_day" validate:"omitempty,min=1"`
	NoticeDays int      `yaml:"notice_days" validate:"omitempty,min=1,max=90"`
	Metrics    []Metric `yaml:"metrics" validate:"dive"`
}

// Metric is one measure of success for the trial.
type Metric struct {
	Name       string `yaml:"name" validate:"required"`
	Baseline   string `yaml:"baseline"`
	Target     string `yaml:"target" validate:"required"`
	MeasuredBy string `yaml:"measured_by"`
}

// Performance is the employee's recent track record.
type Performance struct {
	Highlights  []string `yaml:"highlights" validate:"dive,required"`
	Metrics     []string `yaml:"metrics" validate:"dive,required"`
	Recognition []string `yaml:"recognition" validate:"dive,required"`
}

// EvidenceRef is one item under evidence: the id of a verified citation
// from the built-in library (written as a bare id), or the user's own
// finding, which needs a source the manager can check.
type EvidenceRef struct {
	ID      string `yaml:"id" validate:"omitempty,evidence_id"`
	Finding string `yaml:"finding" validate:"required_without=ID"`
	Source  string `yaml:"source" validate:"required_without=ID"`
	URL     string `yaml:"url" validate:"omitempty,url"`
}

// SetScalar reads the short form of an item: a bare library id.
func (e *EvidenceRef) SetScalar(s string) { *e = EvidenceRef{ID: s} }

// EvidenceIDs returns the library ids of refs, for refs that are ids.
func EvidenceIDs(refs []EvidenceRef) []string {
	var ids []string
	for _, r := range refs {
		if r.ID != "" {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// Reask records an earlier denial and the answer to each stated reason.
type Reask struct {
	DeniedOn Date          `yaml:"denied_on"`
	Reasons  []ReaskReason `yaml:"reasons" validate:"dive"`
}

// ReaskReason is one reason given for the earlier "no", and its answer.
type ReaskReason struct {
	Reason   string `yaml:"reason" validate:"required"`
	Response string `yaml:"response" validate:"required"`
}

// Offer holds the terms of a job offer being negotiated.
type Offer struct {
	Role      string `yaml:"role"`
	Recruiter string `yaml:"recruiter"`
}

// Private holds what the employee keeps to themselves. It feeds the prep
// sheet only; manager-facing documents are built from a view that has no
// field for any of it.
type Private struct {
	Motivation   string      `yaml:"motivation"`
	Alternatives string      `yaml:"alternatives"`
	Fallback     string      `yaml:"fallback"`
	Objections   []Objection `yaml:"objections" validate:"dive"`
}

// Objection is a concern the employee expects, with their answer.
type Objection struct {
	Objection string `yaml:"objection" validate:"required"`
	Response  string `yaml:"response" validate:"required"`
}

// Derived holds the values computed from the file, never typed twice.
type Derived struct {
	// TrialEnd is the last day of the trial.
	TrialEnd Date
	// CheckIn is the mid-trial check-in, moved to the next weekday if it
	// falls on a weekend.
	CheckIn Date
	// Review is the final review, on the last weekday of the trial.
	Review Date
}
