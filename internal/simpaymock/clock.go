package simpaymock

import (
	"sync/atomic"
	"time"
)

// SimPay writes timestamps in Polish local time (+01:00 in winter, +02:00 in
// summer). The EU summer-time rule is computed here instead of loading
// Europe/Warsaw, so that the mock gives the same answers on machines without
// tzdata.
var (
	zoneCET  = time.FixedZone("CET", 1*60*60)
	zoneCEST = time.FixedZone("CEST", 2*60*60)
)

// warsaw returns t as a Warsaw wall-clock time.
func warsaw(t time.Time) time.Time {
	u := t.UTC()
	start := lastSunday(u.Year(), time.March).Add(time.Hour) // 01:00 UTC
	end := lastSunday(u.Year(), time.October).Add(time.Hour)
	if !u.Before(start) && u.Before(end) {
		return t.In(zoneCEST)
	}
	return t.In(zoneCET)
}

func lastSunday(year int, month time.Month) time.Time {
	last := time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC)
	return last.AddDate(0, 0, -int(last.Weekday()))
}

// formatTime renders t the way SimPay does: ISO 8601 with a numeric offset.
func formatTime(t time.Time) string {
	return warsaw(t).Format(time.RFC3339)
}

// mustTime parses a fixture timestamp; fixtures are constants, so a bad one is
// a programming error.
func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic("simpaymock: bad fixture time " + s)
	}
	return t
}

// stamp is a timestamp that marshals in SimPay's format.
type stamp time.Time

// MarshalJSON writes the time in SimPay's ISO 8601 format.
func (t stamp) MarshalJSON() ([]byte, error) {
	return []byte(`"` + formatTime(time.Time(t)) + `"`), nil
}

// stampPtr turns an optional time into an optional stamp, so that unset
// times are written as null.
func stampPtr(t *time.Time) *stamp {
	if t == nil {
		return nil
	}
	s := stamp(*t)
	return &s
}

// defaultClockStart is where the default clock begins. It is after every
// fixture and generated object, so objects created through the API are the
// newest.
var defaultClockStart = mustTime("2025-06-02T10:00:00+02:00")

// steppingClock returns a clock that starts at start and moves step forward
// on every reading, so that two objects never share a timestamp and test
// expectations do not depend on the wall clock.
func steppingClock(start time.Time, step time.Duration) func() time.Time {
	var n atomic.Int64
	return func() time.Time {
		return start.Add(time.Duration(n.Add(1)-1) * step)
	}
}
