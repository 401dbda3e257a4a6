#!/usr/bin/env bash
# Builds the documentation site into docs/build/site with Antora, then checks that every page in the nav
# was produced and that the configuration page holds the generated config reference.
# Needs Node.js and npm only (the npm registry); the UI bundle is docs/ui, nothing else is downloaded.
set -euo pipefail

cd "$(dirname "$0")"
docs_dir=$(pwd)

if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi

playbook=antora-playbook.yml
# Antora 3.1 opens a local repository only through its main worktree (a linked worktree has a .git file,
# not a directory). In a linked worktree, point the content source at the main worktree and select this
# worktree's branch: Antora then reads the files from this worktree.
git_dir=$(git rev-parse --path-format=absolute --git-dir)
common_dir=$(git rev-parse --path-format=absolute --git-common-dir)
if [[ "$git_dir" != "$common_dir" ]]; then
  main_worktree=$(dirname "$common_dir")
  branch=$(git symbolic-ref -q --short HEAD || basename "$git_dir")
  mkdir -p build
  playbook=build/antora-playbook.linked-worktree.yml
  sed -e "s#^  - url: \.\.\$#  - url: $main_worktree#" \
      -e "s#^    branches: HEAD\$#    branches: $branch\n    worktrees: true#" \
      -e "s#^    url: \./ui\$#    url: $docs_dir/ui#" \
      -e "s#^  dir: \./build/site\$#  dir: $docs_dir/build/site#" \
      antora-playbook.yml > "$playbook"
  for expected in "url: $main_worktree" "branches: $branch" "url: $docs_dir/ui" "dir: $docs_dir/build/site"; do
    grep -qF "$expected" "$playbook" || { echo "could not adapt antora-playbook.yml for a linked worktree ($expected)" >&2; exit 1; }
  done
  echo "Linked worktree: building branch $branch from $main_worktree"
fi

rm -rf build/site
npx --no-install antora --stacktrace "$playbook"

site=build/site/quarkus-alioss/dev
status=0
for page in $(sed -n 's/.*xref:\([^[]*\)\.adoc\[.*/\1/p' modules/ROOT/nav.adoc); do
  if [[ ! -f "$site/$page.html" ]]; then
    echo "MISSING: $site/$page.html (listed in nav.adoc)" >&2
    status=1
  fi
done
# The prose of configuration.adoc names quarkus.oss.endpoint too: look for the reference table and its row.
if ! grep -q 'class="[^"]*configuration-reference' "$site/configuration.html" 2>/dev/null \
    || ! grep -q 'id="quarkus-alioss_quarkus-oss-endpoint"' "$site/configuration.html"; then
  echo "MISSING: the generated config reference in $site/configuration.html" >&2
  status=1
fi
if [[ $status -ne 0 ]]; then
  exit $status
fi
echo "OK: $(ls "$site"/*.html | wc -l) pages in $docs_dir/$site, config reference included"
