;;; :std/misc/path (doc/reference/std/misc/path.md)
(import :std/test :std/misc/path :std/error)
(export path-test)
(def path-test
  (test-suite ":std/misc/path"
    (test-case "extensions"
      (check (path-default-extension "foo" ".o") => "foo.o")
      (check (path-default-extension "foo.ss" ".o") => "foo.ss")
      (check (path-force-extension "dir.d/foo" ".o") => "dir.d/foo.o")
      (check (path-force-extension "foo.ss" "") => "foo")
      (check (path-extension-is? ".foo" ".foo") => #f)
      (check (path-extension-is? "a/b.c" ".c") => #t))
    (test-case "subpaths"
      (check (subpath "a" "b/c" "d") => "a/b/c/d")
      (check (subpath? "/a/b/c" "/a/") => "b/c")
      (check (subpath? "/ab" "/a") => #f)
      (check (path-enough "/a/b" "/c") => "/a/b"))
    (test-case "absolute paths and their errors"
      (check (absolute-path? "/x") => #t)
      (check (ensure-absolute-path "x" "/y/") => "/y/x")
      (check (string-suffix? "/x" (ensure-absolute-path "x")) => #t)
      (check-exception (ensure-absolute-path "x" "y") Error?)
      (check (with-catch error-message (lambda () (get-absolute-path "rel"))) => "Path not absolute"))
    (test-case "simplify, normalize, parent"
      (check (path-simplify "/a/b/../../../c/./") => "/c")
      (check (path-simplify "./x/../../y") => "../y")
      (check (path-maybe-normalize "/no/such/../dir") => "/no/dir")
      (check (path-parent "/a/b/c") => "/a/b/")
      (check (path-simplify-directory "a/b/../c/file.ss") => "a/c"))))
