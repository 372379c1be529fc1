// kstatus reads one Kubernetes object as JSON on stdin and prints what kstatus (the library
// Flux, kpt and cli-utils use to decide whether a resource is "done") computes for it:
//
//	kstatus < object.json
//	Current
//	Resource is current
//
// The first line is the status (InProgress, Failed, Current, Terminating, NotFound, Unknown),
// the second the message. The tests feed it TlsChecks read back from a real API server.
package main

import (
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/cli-utils/pkg/kstatus/status"
)

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail("reading stdin: %v", err)
	}
	var obj unstructured.Unstructured
	if err := obj.UnmarshalJSON(data); err != nil {
		fail("not a Kubernetes object in JSON: %v", err)
	}
	result, err := status.Compute(&obj)
	if err != nil {
		fail("kstatus: %v", err)
	}
	fmt.Println(result.Status)
	fmt.Println(result.Message)
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "kstatus: "+format+"\n", args...)
	os.Exit(2)
}
