package app

import (
	"fmt"
	"io"
	"sync"

	"github.com/linuxdj/linuxdj/backend/jack"
	"github.com/linuxdj/linuxdj/mixer"
)

// portNamer gives JACK the channel names the user types, as their input
// ports' pretty names (which patchbays show), on a goroutine of its own:
// the window never waits for JACK, and a burst of keystrokes ends with
// the last name.
type portNamer struct {
	jb     *jack.Backend
	cfg    mixer.Config
	stderr io.Writer

	mu    sync.Mutex
	names map[int]string // channel → name not yet given to JACK
	wake  chan struct{}
	done  chan struct{}
}

func newPortNamer(jb *jack.Backend, cfg mixer.Config, stderr io.Writer) *portNamer {
	n := &portNamer{jb: jb, cfg: cfg, stderr: stderr, names: make(map[int]string),
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	go n.run()
	return n
}

// rename queues channel ch's new name; it does not wait.
func (n *portNamer) rename(ch int, name string) {
	if ch < 0 || ch >= len(n.cfg.Channels) {
		return
	}
	n.mu.Lock()
	n.names[ch] = name
	n.mu.Unlock()
	select {
	case n.wake <- struct{}{}:
	default:
	}
}

func (n *portNamer) run() {
	defer close(n.done)
	for range n.wake {
		n.mu.Lock()
		names := n.names
		n.names = make(map[int]string)
		n.mu.Unlock()
		for ch, name := range names {
			for _, p := range mixer.ChannelPorts(ch, name, n.cfg.Channels[ch].Stereo) {
				if err := n.jb.SetPrettyName(p.Name, p.PrettyName); err != nil {
					fmt.Fprintf(n.stderr, "linuxdj: naming %s: %v\n", p.Name, err)
				}
			}
		}
	}
}

// close gives JACK the names still queued and stops.
func (n *portNamer) close() {
	close(n.wake)
	<-n.done
}
