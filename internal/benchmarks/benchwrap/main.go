// Command benchwrap runs a program, typically a Terraform provider started by
// Terraform through a dev_overrides directory, and appends the CPU time it
// used to a log file when it exits. The plan benchmarks point dev_overrides at
// a script that execs benchwrap, so they count every provider process
// Terraform starts in one plan, each measured by the kernel (wait4's rusage:
// user and system time of the process and of the children it waited for).
//
// Usage:
//
//	benchwrap LOG PROGRAM [ARG...]
//
// LOG gets a line "start PID" when the program starts and a line
// "end PID USER_NS SYS_NS EXIT MAXRSS_KB" when it ends, so a reader can tell
// a process that was killed before it could be counted (a start without an
// end).
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: benchwrap LOG PROGRAM [ARG...]")
		os.Exit(2)
	}
	logName, program, args := os.Args[1], os.Args[2], os.Args[3:]
	cmd := exec.Command(program, args...)
	// The plugin handshake is on the program's own stdout: pass the file
	// descriptors through rather than copying, so nothing is buffered.
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// Terraform stops a plugin by RPC, and an interrupt reaches the whole
	// process group; relay what is sent to the wrapper alone.
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "benchwrap:", err)
		os.Exit(1)
	}
	appendLine(logName, fmt.Sprintf("start %d\n", cmd.Process.Pid))
	go func() {
		for s := range signals {
			_ = cmd.Process.Signal(s)
		}
	}()
	_ = cmd.Wait()
	st := cmd.ProcessState
	var maxRSS int64
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		maxRSS = ru.Maxrss // KiB on Linux
	}
	appendLine(logName, fmt.Sprintf("end %d %d %d %d %d\n", cmd.Process.Pid,
		st.UserTime().Nanoseconds(), st.SystemTime().Nanoseconds(), st.ExitCode(), maxRSS))
	if code := st.ExitCode(); code > 0 {
		os.Exit(code)
	}
}

// appendLine writes line with one write to a file opened for appending, so
// the lines of processes that end at the same time do not interleave.
func appendLine(name, line string) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchwrap:", err)
		return
	}
	_, _ = f.WriteString(line)
	_ = f.Close()
}
