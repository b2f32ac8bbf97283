package output

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The helper process: when the test binary runs with this variable set, it
// writes generation after generation of a set into the folder it names, the
// way repeated renders do, and never returns.
const helperEnv = "PROPOSE_OUTPUT_TEST_WRITER"

func TestMain(m *testing.M) {
	if spec := os.Getenv(helperEnv); spec != "" {
		dir, from, _ := strings.Cut(spec, ":")
		n, _ := strconv.Atoi(from)
		count := -1
		if c := os.Getenv(helperEnv + "_COUNT"); c != "" {
			count, _ = strconv.Atoi(c)
		}
		for i := 0; count < 0 || i < count; i++ {
			if _, err := Write(dir, Set{Files: generation(n + i)}, Options{}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// generation is the set written by render number n: every file says n, so
// a folder mixing two renders is easy to see.
func generation(n int) []File {
	var fs []File
	for _, name := range []string{"proposal.md", "proposal.pdf", "summary.md", "summary.pdf", "email.eml", "private/prep.pdf"} {
		data := bytes.Repeat([]byte(fmt.Sprintf("%s of render %d\n", name, n)), 2000+n%7*300)
		fs = append(fs, File{Name: name, Data: data, Private: strings.HasPrefix(name, "private/")})
	}
	return fs
}

// checkComplete fails unless dir, once any half-finished change is
// repaired, holds one complete generation (or nothing yet) and a manifest
// that matches it, with no staging or temporary files left.
func checkComplete(t *testing.T, dir string) int {
	t.Helper()
	if err := Repair(dir); err != nil {
		t.Fatalf("repair: %v", err)
	}
	manifest, found, err := readManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	gen := -1
	for _, f := range generation(0) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Name)))
		if errors.Is(err, os.ErrNotExist) && !found {
			continue // no render has finished yet
		}
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		var n int
		if _, err := fmt.Sscanf(string(data[len(f.Name):]), " of render %d", &n); err != nil {
			t.Fatalf("%s: unreadable content: %v", f.Name, err)
		}
		if gen >= 0 && n != gen {
			t.Fatalf("the folder mixes render %d and render %d (%s)", gen, n, f.Name)
		}
		gen = n
		if manifest[f.Name] != digest(data) {
			t.Fatalf("the manifest does not match %s", f.Name)
		}
	}
	if !found && gen >= 0 {
		t.Fatal("files but no manifest")
	}
	for _, d := range []string{dir, filepath.Join(dir, "private")} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp") || e.Name() == stageName {
				t.Fatalf("%s left in %s", e.Name(), d)
			}
		}
	}
	return gen
}

func writer(t *testing.T, dir string, from, count int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s:%d", helperEnv, dir, from))
	if count >= 0 {
		cmd.Env = append(cmd.Env, fmt.Sprintf("%s_COUNT=%d", helperEnv, count))
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// TestKillAtAnyMomentLeavesACompleteSet kills a writer at random moments
// and checks the folder after each kill.
func TestKillAtAnyMomentLeavesACompleteSet(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("kill -9 is a Unix signal")
	}
	dir := filepath.Join(t.TempDir(), "out")
	rounds := 40
	if testing.Short() {
		rounds = 8
	}
	last, progressed := -1, 0
	for i := range rounds {
		cmd := writer(t, dir, i*1000, -1)
		time.Sleep(time.Duration(rand.IntN(60_000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		gen := checkComplete(t, dir)
		if gen != last {
			progressed++
		}
		last = gen
		// A clean render into the folder afterwards is never refused as
		// if the user had edited something.
		if i%5 == 4 {
			if _, err := Write(dir, Set{Files: generation(i*1000 + 999)}, Options{}); err != nil {
				t.Fatalf("render after kill: %v", err)
			}
		}
	}
	if progressed < rounds/4 {
		t.Errorf("only %d of %d kills came after a completed render; the test did not exercise much", progressed, rounds)
	}
}

// TestConcurrentRendersTakeTurns runs two writers into one folder at once.
func TestConcurrentRendersTakeTurns(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	a, b := writer(t, dir, 0, 15), writer(t, dir, 100, 15)
	if err := a.Wait(); err != nil {
		t.Errorf("first writer: %v", err)
	}
	if err := b.Wait(); err != nil {
		t.Errorf("second writer: %v", err)
	}
	if gen := checkComplete(t, dir); gen != 14 && gen != 114 {
		t.Errorf("the folder holds render %d, want the last of either writer", gen)
	}
}

// TestFullDiskKeepsTheOldSet fills a small file system mid-render.
func TestFullDiskKeepsTheOldSet(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("needs root on Linux to mount a small tmpfs")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	dir := filepath.Join(mnt, "out")
	if _, err := Write(dir, Set{Files: generation(1)}, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{300 << 10, 600 << 10, 1 << 20} {
		big := generation(2)
		for i := range big {
			big[i].Data = append(big[i].Data, bytes.Repeat([]byte("x"), size)...)
		}
		_, err := Write(dir, Set{Files: big}, Options{})
		if !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("%d KiB more a file: got %v, want no space left", size>>10, err)
		}
		if gen := checkComplete(t, dir); gen != 1 {
			t.Fatalf("after a full disk the folder holds render %d, want 1", gen)
		}
	}
	// Space is back: the next render is not mistaken for an edit.
	if _, err := Write(dir, Set{Files: generation(3)}, Options{}); err != nil {
		t.Fatal(err)
	}
	if gen := checkComplete(t, dir); gen != 3 {
		t.Fatalf("folder holds render %d, want 3", gen)
	}
}

// TestUncommittedStagingIsDiscarded leaves staging without a marker, as a
// crash before the commit does: the old set stays.
func TestUncommittedStagingIsDiscarded(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, Set{Files: generation(1)}, Options{}); err != nil {
		t.Fatal(err)
	}
	stage := filepath.Join(dir, stageName)
	os.MkdirAll(filepath.Join(stage, "private"), 0o700)
	os.WriteFile(filepath.Join(stage, "proposal.md"), []byte("half"), 0o644)
	os.WriteFile(filepath.Join(dir, ".summary.md.tmp-123"), []byte("older version's temp"), 0o644)
	if gen := checkComplete(t, dir); gen != 1 {
		t.Fatalf("folder holds render %d, want 1", gen)
	}
}

// TestCommittedStagingIsFinished leaves a committed change half moved: the
// next command completes it.
func TestCommittedStagingIsFinished(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, Set{Files: generation(1)}, Options{}); err != nil {
		t.Fatal(err)
	}
	// Stage render 2 as commit does, then move only the first two files.
	stage := filepath.Join(dir, stageName)
	os.Mkdir(stage, 0o700)
	m, _, _ := readManifest(dir)
	files := generation(2)
	for _, f := range files {
		m[f.Name] = digest(f.Data)
	}
	files = append(files, File{Name: ManifestName, Data: manifestBytes(m)})
	marker := ""
	for i, f := range files {
		staged := filepath.Join(stage, strconv.Itoa(i))
		os.WriteFile(staged, f.Data, 0o600)
		marker += fmt.Sprintf("move 0 %s %d %s\n", digest(f.Data), i, f.Name)
		if i < 2 {
			os.Rename(staged, filepath.Join(dir, f.Name))
		}
	}
	os.WriteFile(filepath.Join(stage, markerName), []byte(marker+"end\n"), 0o600)
	if gen := checkComplete(t, dir); gen != 2 {
		t.Fatalf("folder holds render %d, want 2", gen)
	}

	// A marker written before its files were (the crash came while the
	// set was being staged) commits nothing: render 2 stays.
	os.Mkdir(stage, 0o700)
	files3 := generation(3)
	marker = ""
	for i, f := range files3 {
		marker += fmt.Sprintf("move 0 %s %d %s\n", digest(f.Data), i, f.Name)
		if i != 3 { // one file never made it
			os.WriteFile(filepath.Join(stage, strconv.Itoa(i)), f.Data, 0o600)
		}
	}
	os.WriteFile(filepath.Join(stage, markerName), []byte(marker+"end\n"), 0o600)
	if gen := checkComplete(t, dir); gen != 2 {
		t.Fatalf("a change whose files were not all staged was applied: folder holds render %d", gen)
	}

	// So does a marker cut short.
	os.Mkdir(stage, 0o700)
	for i, f := range files3 {
		os.WriteFile(filepath.Join(stage, strconv.Itoa(i)), f.Data, 0o600)
	}
	os.WriteFile(filepath.Join(stage, markerName), []byte(marker), 0o600)
	if gen := checkComplete(t, dir); gen != 2 {
		t.Fatalf("a change with a torn marker was applied: folder holds render %d", gen)
	}
}

// TestOutputsHonourTheUmask checks modes: shared files follow the umask,
// private ones are the user's alone whatever the umask.
func TestOutputsHonourTheUmask(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no umask")
	}
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "out")
	if _, err := Write(dir, Set{Files: generation(1)}, Options{}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]os.FileMode{"proposal.pdf": 0o600, "private": 0o700, "private/prep.pdf": 0o600} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("under umask 077, %s has mode %v, want %v", name, got, want)
		}
	}
}

// TestLostManifestSaysWhy: without the manifest a changed file is not
// replaced, and the message says why rather than calling it an edit.
func TestLostManifestSaysWhy(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, Set{Files: generation(1)}, Options{}); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, ManifestName))
	// The same render again changes nothing, so nothing is refused.
	if _, err := Write(dir, Set{Files: generation(1)}, Options{}); err != nil {
		t.Fatalf("an identical render was refused: %v", err)
	}
	os.Remove(filepath.Join(dir, ManifestName))
	_, err := Write(dir, Set{Files: generation(2)}, Options{})
	var ee *EditedError
	if !errors.As(err, &ee) || !ee.NoManifest || strings.Contains(err.Error(), "changed since") {
		t.Fatalf("got %v, want a refusal that names the missing manifest", err)
	}
}
