{{/* The chart's name, or nameOverride. */}}
{{- define "tlscheck.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: names every object of the release. */}}
{{- define "tlscheck.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "tlscheck.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tlscheck.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "tlscheck.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "tlscheck.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "tlscheck.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "tlscheck.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Service in front of /q/metrics; also the job label Prometheus gives its targets. */}}
{{- define "tlscheck.metricsServiceName" -}}
{{- printf "%s-metrics" (include "tlscheck.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* repository:tag, the tag suffixed with -native for the native variant. */}}
{{- define "tlscheck.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if eq .Values.image.variant "native" }}
{{- $tag = printf "%s-native" $tag }}
{{- end }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}

{{/* The TlsCheck CRD, whose definition the operator reads at start (quarkus.operator-sdk.crd.validate). */}}
{{- define "tlscheck.crdName" -}}
tlschecks.tlscheck.io
{{- end }}
