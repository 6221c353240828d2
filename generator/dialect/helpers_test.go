package dialect

import "github.com/yuin/goldmark/parser"

func parserContext() parser.ParseOption { return parser.WithContext(NewContext()) }
