;;; :std/event's own tests: the first ready wins, timeouts, wrapped and chosen events, threads.
(import :std/test :std/event :std/misc/channel :std/misc/completion)
(export event-test)

(def event-test
  (test-suite "event"
    (test-case "sync takes from whichever channel is filled, across threads"
      (def a (make-channel)) (def b (make-channel))
      (spawn (lambda () (channel-put a 'from-a)))
      (spawn (lambda () (channel-put b 'from-b)))
      (check (sort (list (sync a b) (sync a b)) (lambda (x y) (string<? (symbol->string x) (symbol->string y)))) => '(from-a from-b)))
    (test-case "a timeout fires when nothing comes; never-evt never does"
      (check (sync never-evt 0.005) => #f)
      (check (wait never-evt 0.001) => #f))
    (test-case "a completion, a thread and a closed channel are events"
      (def c (make-completion))
      (spawn (lambda () (completion-post! c 'posted)))
      (check (sync c) => 'posted)
      (check (sync (spawn (lambda () 40))) => 40)
      (def ch (make-channel)) (channel-close ch)
      (check (eof-object? (sync ch)) => #t))
    (test-case "wrap and handle change the value; select gives the object"
      (def ch (make-channel)) (channel-put ch 20)
      (check (sync (wrap-evt ch (lambda (v) (+ v 1)))) => 21)
      (channel-put ch 1)
      (check (eq? (select never-evt ch) ch) => #t)
      (check (sync (choice-evt never-evt (handle-evt always-evt (lambda (e) 'handled)))) => 'handled))))
