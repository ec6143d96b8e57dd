;;; :std/contract (doc/reference/std/contract.md), its plain-Scheme part
(import :std/test :std/contract :std/error)
(export contract-test)
(def (area w h) (using ((w :~ (in-range? 0 100)) (h :~ (in-range? 0 100))) (* w h)))
(def contract-test
  (test-suite ":std/contract"
    (test-case "using"
      (check (area 3 4) => 12)
      (check-exception (area 3 400) contract-violation-error?)
      (check ((maybe symbol?) #f) => #t))))
