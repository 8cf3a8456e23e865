#!/usr/bin/env python3
# Kept in the repository so it checks itself with nothing from outside (docs/toolchain.md).
"""Syntax-check generated bindings with tree-sitter.

usage: ts_check.py [--raw] {swift|kotlin} FILE...
Exit 1 if any file has ERROR or MISSING nodes; prints their positions.
"""
import re
import sys

import tree_sitter


def language(name):
    if name == "swift":
        import tree_sitter_swift as m
    elif name == "kotlin":
        import tree_sitter_kotlin as m
    else:
        raise SystemExit(f"unknown language {name}")
    return tree_sitter.Language(m.language())


# Valid Swift that tree-sitter-swift 0.7.x cannot parse, found in UniFFI 0.32
# output. Each rewrite keeps byte length and line numbers unchanged, so the
# positions of any remaining errors still point into the original file.
def normalize_swift(src):
    # drop the `#if swift(>=5.8)` / `#endif` lines around
    # `@_documentation(visibility: private)`, keeping the attribute itself
    pat = re.compile(rb"^([ \t]*#if swift\(>=5\.8\)[ \t]*)\n"
                     rb"([ \t]*@_documentation\(visibility: private\)[ \t]*)\n"
                     rb"([ \t]*#endif[ \t]*)$", re.M)
    src = pat.sub(lambda m: b" " * len(m.group(1)) + b"\n" + m.group(2) + b"\n"
                  + b" " * len(m.group(3)), src)
    return src.replace(b"{ () }", b"{    }")


def problems(node, src, out):
    if node.is_error or node.is_missing:
        line = src.splitlines()[node.start_point[0]] if src else b""
        out.append((node.start_point, node.end_point,
                    "MISSING" if node.is_missing else "ERROR",
                    line.decode(errors="replace").strip()[:120]))
        if node.is_error:
            return  # do not descend into an ERROR subtree
    if node.has_error:
        for child in node.children:
            problems(child, src, out)


def main():
    args = sys.argv[1:]
    raw = "--raw" in args
    args = [a for a in args if a != "--raw"]
    lang_name, files = args[0], args[1:]
    parser = tree_sitter.Parser(language(lang_name))
    bad = 0
    for f in files:
        src = open(f, "rb").read()
        if lang_name == "swift" and not raw:
            src = normalize_swift(src)
        tree = parser.parse(src)
        out = []
        problems(tree.root_node, src, out)
        status = "OK" if not out else f"{len(out)} problem node(s)"
        print(f"{lang_name}: {f}: {len(src)} bytes, {status}")
        for (s, e, kind, line) in out[:25]:
            print(f"  {kind} {s[0]+1}:{s[1]+1}-{e[0]+1}:{e[1]+1}  | {line}")
        bad += bool(out)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
