;; A test file with one close parenthesis too many: the report names the file and the line.
(import :std/test)
(export unreadable-test)
(def unreadable-test (test-suite "never" (test-case "never" (check 1 => 1))))
)
