package simpaymock

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"time"
)

// Ids of created objects look random but come from a hash of the seed, the
// kind of object and a counter, so that a test run is repeatable.

func idBytes(seed uint64, kind string, n uint64) [32]byte {
	return sha256.Sum256(fmt.Appendf(nil, "%d/%s/%d", seed, kind, n))
}

func formatUUID(b []byte) string {
	h := hex.EncodeToString(b[:16])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// uuidV4 returns a version-4 shaped UUID, like SimPay's transaction ids.
func uuidV4(seed uint64, kind string, n uint64) string {
	b := idBytes(seed, kind, n)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return formatUUID(b[:16])
}

// uuidV7 returns a version-7 shaped UUID carrying t, like SimPay's refund ids
// (the seed refund 019483a5-885e-70f7-... is one).
func uuidV7(t time.Time, seed uint64, kind string, n uint64) string {
	b := idBytes(seed, kind, n)
	var ms [8]byte
	binary.BigEndian.PutUint64(ms[:], uint64(t.UnixMilli()))
	copy(b[0:6], ms[2:8])
	b[6] = b[6]&0x0f | 0x70
	b[8] = b[8]&0x3f | 0x80
	return formatUUID(b[:16])
}

// payerID derives the short code shown to the payer (e.g. "477YDX14").
func payerID(id string) string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
	sum := sha256.Sum256([]byte("payer/" + id))
	out := make([]byte, 8)
	for i := range out {
		out[i] = alphabet[int(sum[i])%len(alphabet)]
	}
	return string(out)
}
