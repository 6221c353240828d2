package pdf

import (
	"fmt"
	"net"
	"net/http"

	"github.com/spf13/afero"
)

// siteServer serves the built site read-only on a loopback port, so the
// page loads its stylesheets and fonts the way a reader's browser does
// (file:// would need --allow-file-access-from-files and hides 404s).
type siteServer struct {
	srv *http.Server
	ln  net.Listener
}

func serveSite(fsys afero.Fs) (*siteServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("serving the site to Chromium on the loopback: %w", err)
	}
	s := &siteServer{ln: ln, srv: &http.Server{Handler: http.FileServer(afero.NewHttpFs(afero.NewReadOnlyFs(fsys)))}}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// url is the address of the page at slash path p of the site.
func (s *siteServer) url(p string) string {
	return "http://" + s.ln.Addr().String() + "/" + p
}

func (s *siteServer) close() { _ = s.srv.Close() }
