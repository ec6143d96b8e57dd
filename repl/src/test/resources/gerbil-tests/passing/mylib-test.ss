;;; The example of Gerbil's doc/reference/dev/test.md: setup and cleanup thunks around the suites.
(import :std/test)
(export mylib-test test-setup! test-cleanup!)

(def (myadd x y) (+ x y))
(def (test-setup!) (displayln "setting up..."))
(def (test-cleanup!) (displayln "cleaning up..."))

(def mylib-test
  (test-suite "test mylib"
    (test-case "test myadd"
      (check (myadd 1 2) => 3))))
