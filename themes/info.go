package themes

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/BurntSushi/toml"
)

// InfoFile is the optional file at the top of a theme that describes it.
const InfoFile = "theme.toml"

// Info is what a theme's theme.toml says.
type Info struct {
	// Name is the theme's display name.
	Name string `toml:"name"`
	// Description says what the theme looks like.
	Description string `toml:"description"`
	// Extends names the theme this one falls back to for every file it
	// does not have (templates, scripts, stylesheets).
	Extends string `toml:"extends"`
}

// ReadInfo reads theme.toml from a theme; a theme without one has an empty
// Info. Errors name the line.
func ReadInfo(theme fs.FS) (Info, error) {
	var info Info
	data, err := fs.ReadFile(theme, InfoFile)
	if errors.Is(err, fs.ErrNotExist) {
		return info, nil
	}
	if err != nil {
		return info, err
	}
	md, err := toml.Decode(string(data), &info)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return info, fmt.Errorf("line %d: %s", pe.Position.Line, pe.Message)
		}
		return info, err
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return info, fmt.Errorf("unknown setting %q (known: name, description, extends)", keys[0].String())
	}
	if strings.ContainsAny(info.Extends, `/\.`) {
		return info, fmt.Errorf("extends %q: a theme is a folder name, without / \\ or .", info.Extends)
	}
	return info, nil
}
