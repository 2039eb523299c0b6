package midi

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/BurntSushi/toml"
)

// File is a controller mapping file: a name for the controller and its
// mappings, in the same form as the state file's [[midi]] array.
type File struct {
	Controller string    `toml:"controller"`
	Mappings   []Mapping `toml:"midi"`
}

// Decode reads a mapping file's text. It rejects unknown keys and invalid
// mappings, naming the line or the mapping.
func Decode(data []byte) (File, error) {
	var f File
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		// The TOML error names the line and the last key read.
		return File{}, fmt.Errorf("midi: %w", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return File{}, fmt.Errorf("midi: unknown keys: %s", strings.Join(keys, ", "))
	}
	if _, err := NewTable(f.Mappings); err != nil {
		return File{}, fmt.Errorf("midi: %w", err)
	}
	return f, nil
}

// Encode writes f as TOML.
func Encode(f File) ([]byte, error) {
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(f); err != nil {
		return nil, fmt.Errorf("midi: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// ReadFile imports a controller mapping file.
func ReadFile(path string) (File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return File{}, fmt.Errorf("midi: import: %w", err)
	}
	f, err := Decode(data)
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// WriteFile exports f to path.
func WriteFile(path string, f File) error {
	data, err := Encode(f)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("midi: export: %w", err)
	}
	return nil
}
