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

type compiledSchema struct {
	s   *jsonschema.Schema
	err error
}

func compile(doc []byte, url string) compiledSchema {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return compiledSchema{err: fmt.Errorf("read schema: %w", err)}
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(url, v); err != nil {
		return compiledSchema{err: fmt.Errorf("add schema: %w", err)}
	}
	s, err := c.Compile(url)
	return compiledSchema{s, err}
}

var (
	proposalSchema = sync.OnceValue(func() compiledSchema { return compile(proposal.Schema(), proposal.SchemaURL) })
	logSchema      = sync.OnceValue(func() compiledSchema { return compile(proposal.LogSchema(), proposal.LogSchemaURL) })
)

// Validate checks a YAML proposal file against the schema. The file is
// read as a YAML 1.2 editor reads it, then checked as JSON.
func Validate(data []byte) error { return validate(proposalSchema(), data) }

// ValidateLog checks a YAML trial log against the log's schema.
func ValidateLog(data []byte) error { return validate(logSchema(), data) }

func validate(c compiledSchema, data []byte) error {
	if c.err != nil {
		return c.err
	}
	s := c.s
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
