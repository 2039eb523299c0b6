// Package nsm makes Linux DJ a client of the New/Non Session Manager (and
// Agordejo, RaySession, Carla, which speak the same protocol).
//
// When NSM_URL is set the app must not open its own state or JACK client
// before the session manager says where: it calls Announce, which sends
//
//	/nsm/server/announce "Linux DJ" ":dirty:" "linuxdj" 1 2 <pid>
//
// from the OSC server's socket (NSM requires every reply from the socket
// that announced). The manager answers with /nsm/client/open <path>
// <display name> <client id>: the app's App.Open keeps its state in
// <path>/state.toml (the path is used as a directory, one of the layouts
// the API allows), uses the client id as its JACK client name, and the
// client replies /reply or /error. /nsm/client/save calls App.Save and
// replies likewise. MarkDirty and MarkClean tell the manager whether there
// are unsaved changes.
//
// Only the manager may drive the session: the OSC server may listen beyond
// loopback (--osc-host), and an open names a directory to create and save
// into. Every NSM message (open, save, the manager's /reply and /error)
// from another address than the manager's, the host and port of NSM_URL,
// is dropped and counted; the first is reported.
//
// Quit is SIGTERM, with no message. The API requires the client to close
// at once, without dialogs and without saving: unsaved changes are the
// user's to save through the manager. So under NSM the app turns its
// autosaver off (saves happen on /nsm/client/save only) and on SIGTERM
// stops the audio and exits with status 0.
//
// The capabilities are ":dirty:" only. ":switch:" would ask the app to
// re-open another session in place, changing its JACK client name on the
// fly, which the JACK backend does not do; without it the manager restarts
// the app instead, which is always correct.
package nsm
