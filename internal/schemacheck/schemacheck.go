// Package schemacheck checks files against the JSON Schema of the file
// format with an independent, maintained validator, so tests can show that
// every file propose writes or ships is one editors accept.
package schemacheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/propose-cli/propose/pkg/proposal"
)

var (
	once     sync.Once
	compiled *jsonschema.Schema
	compErr  error
)

func schema() (*jsonschema.Schema, error) {
	once.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(proposal.Schema()))
		if err != nil {
			compErr = fmt.Errorf("read schema: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		c.AssertFormat()
		if err := c.AddResource(proposal.SchemaURL, doc); err != nil {
			compErr = fmt.Errorf("add schema: %w", err)
			return
		}
		compiled, compErr = c.Compile(proposal.SchemaURL)
	})
	return compiled, compErr
}

// Validate checks a YAML proposal file against the schema. The file is
// read as a YAML 1.2 editor reads it, then checked as JSON.
func Validate(data []byte) error {
	s, err := schema()
	if err != nil {
		return err
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("read YAML: %w", err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("as JSON: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}
