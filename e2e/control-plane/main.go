// Command kube-apiserver is the upstream kube-apiserver, built from the pinned
// k8s.io/kubernetes module so the tests run against a real API server without
// downloading release binaries. It adds nothing: same flags, same behaviour.
package main

import (
	"os"

	_ "time/tzdata" // like upstream's cmd/kube-apiserver: CronJob time zones work without a tz database

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register" // --logging-format=json, as upstream
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() {
	command := app.NewAPIServerCommand()
	code := cli.Run(command)
	os.Exit(code)
}
