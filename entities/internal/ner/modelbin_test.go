package ner

import _ "embed"

// modelBin is the trained model as cmd/nertrain writes it, which the
// tables are generated from.
//
//go:embed model.bin
var modelBin []byte

// clustersTxt is the cluster list as cmd/nerclusters writes it, which
// clusters.tables is generated from.
//
//go:embed clusters.txt
var clustersTxt []byte
