;;; :std/event -- waiting for the first of several events (doc/reference/std/events.md in the
;;; Gerbil repository). That page lists the names only (wait, select, sync, wrap-evt, handle-evt,
;;; choice-evt, never-evt, always-evt, sync-object?, make-event, event?, event-e, event-e-set!, !
;;; and !*, each "Please document me!"), so the meanings here are Racket's events, which Gerbil's
;;; follow by name, as far as green threads allow:
;;;
;;; - a sync object is an event (make-event, wrap-evt, handle-evt, choice-evt, always-evt,
;;;   never-evt), a thread (ready when it ended: its result, or its error raised), a mutex (ready
;;;   when free: syncing locks it, the value is the mutex), a channel of :std/misc/channel (ready
;;;   when it holds a value or is closed: syncing takes the value, #!eof once closed and empty), a
;;;   completion of :std/misc/completion (ready when posted: its value), or a real number of
;;;   seconds, a timeout (ready that long after the sync began: the value #f);
;;; - (sync obj ...) waits until one is ready and gives its value; (select obj ...) gives the
;;;   object that was ready instead (the value is consumed: a channel's value is taken); (wait obj
;;;   (timeout #f)) is obj once it was ready (consumed) and #f after timeout seconds;
;;; - (make-event e): e is the event's poll, a procedure of no argument that returns #f when the
;;;   event is not ready and a one-element list (value) when it is, taking what it gives.
;;;
;;; Safepoint's differences: when several are ready, sync takes the first in its argument order
;;; (Racket picks at random), so the choice is the schedule's, not a coin's. Waiting is polling:
;;; each round tries every object once, then sleeps 1 ms, doubling to 64 ms, or less to wake at
;;; the next timeout (virtual time in controlled mode), because channels, threads and mutexes have no common wake-up to wait on; a
;;; wake is thus seen up to one sleep late. handle-evt's procedure runs after the sync, as in
;;; Racket, but not in tail position. A timeout inside wrap-evt, handle-evt or choice-evt is
;;; seen at the poll round after it passed (up to 64 ms late). Between rounds the thread waits on
;;; its sync objects (,threads shows WAITING #<sync #n on ...>); with no timeout among them, once
;;; no other thread has done anything since its last round it is as an untimed wait, so a sync
;;; nothing can satisfy is a deadlock the drivers prove (the wait-for graph names the objects).
;;; A make-event poll is assumed to be able to time out. (! evt body ...) syncs on evt, then
;;; runs body, as Gerbil's own std/web/rack-test.ss uses it (the page says nothing more); `!*`,
;;; used nowhere that shows its meaning, is not here.

(import :std/misc/channel :std/misc/completion)
(export sync select wait wrap-evt handle-evt choice-evt never-evt always-evt sync-object?
        (rename-out (%make-event make-event)) event? event-e event-e-set! !)

(defrules ! ()
  ((_ evt body ...) (begin (sync evt) body ...)))

;; timed?: e takes the seconds elapsed since the sync began (the events made here, so that a
;; timeout inside wrap-evt, handle-evt or choice-evt counts); a user's e takes none.
;; may-time?: the event may become ready by time passing alone (a timeout inside; a user's poll).
(defstruct event (e timed? may-time?))
(def (%make-event e)
  (unless (procedure? e) (error "make-event: the poll must be a procedure" e))
  (make-event e #f #t))

(def never-evt (make-event (lambda (elapsed) #f) #t #f))
(def always-evt (make-event (lambda (elapsed) (list always-evt)) #t #f))

;; Whether any of xs may become ready by time passing alone.
(def (%may-time? xs)
  (and (pair? xs)
       (let ((x (car xs)))
         (or (real? x) (and (event? x) (event-may-time? x)) (%may-time? (cdr xs))))))

(def (wrap-evt evt proc)
  (%check-object evt 'wrap-evt)
  (make-event (lambda (elapsed) (let ((got (%poll evt elapsed))) (and got (list (%then (car got) proc #f))))) #t
              (%may-time? (list evt))))

;; A handler's result is the sync's: Racket runs it once the sync is done.
(defstruct %handled (proc value))
(def (handle-evt evt proc)
  (%check-object evt 'handle-evt)
  (make-event (lambda (elapsed) (let ((got (%poll evt elapsed))) (and got (list (%then (car got) proc #t))))) #t
              (%may-time? (list evt))))

;; proc applied to an event's value, now (wrap) or after the sync (handle); a value that is
;; itself still to be handled stays so, with proc after its handler.
(def (%then v proc later?)
  (cond ((%handled? v) (make-%handled (lambda (x) (proc ((%handled-proc v) x))) (%handled-value v)))
        (later? (make-%handled proc v))
        (else (proc v))))

(def (choice-evt . evts)
  (for-each (lambda (e) (%check-object e 'choice-evt)) evts)
  (make-event (lambda (elapsed) (let ((got (%first-ready evts elapsed))) (and got (list (cdr got))))) #t
              (%may-time? evts)))

(def (sync-object? x)
  (or (event? x) (thread? x) (mutex? x) (channel? x) (completion? x) (and (real? x) (>= x 0))))

(def (%check-object x who)
  (unless (sync-object? x) (error (string-append (symbol->string who) ": not a sync object") x)))

(def %nothing (list 'nothing))

;; One try of x, elapsed seconds after the sync began: #f, or (value).
(def (%poll x elapsed)
  (cond
   ((event? x) (if (event-timed? x) ((event-e x) elapsed) ((event-e x))))
   ((thread? x)
    (let ((st (thread-state x)))
      (and (or (thread-state-normally-terminated? st) (thread-state-abnormally-terminated? st))
           (list (thread-join! x)))))
   ((mutex? x) (and (##mutex-try-lock! x) (list x)))
   ((channel? x) (let ((v (channel-try-get x %nothing))) (and (not (eq? v %nothing)) (list v))))
   ((completion? x) (and (completion-ready? x) (list (completion-wait! x))))
   ((real? x) (and (>= elapsed x) (list #f)))
   (else (error "sync: not a sync object" x))))

;; The first ready object of xs: (object . value), or #f.
(def (%first-ready xs elapsed)
  (and (pair? xs)
       (let ((got (%poll (car xs) elapsed)))
         (if got (cons (car xs) (car got)) (%first-ready (cdr xs) elapsed)))))

;; Polls xs until one is ready: (object . value). Time counts by the sleeps (the virtual clock
;; in controlled mode would do too, but free run has no other clock the VM keeps).
;; A round's tries are no progress for the machine (##event-round!), and between rounds the
;; thread waits on xs (##event-wait!) with the progress count the round began at, so a sync
;; that cannot end is found as a deadlock.
(def (%await xs who)
  (for-each (lambda (x) (%check-object x who)) xs)
  (let ((timed? (%may-time? xs)))
    (let loop ((elapsed 0) (pause 0.001))
      (let* ((stamp (##event-round!))
             (got (%first-ready xs elapsed)))
        (if got
          (begin (##event-round-end!) got)
          (let ((sleep (min pause (%until-timeout xs elapsed))))
            (##event-wait! xs sleep timed? stamp)
            (loop (+ elapsed sleep) (min 0.064 (* 2 pause)))))))))

;; Seconds from elapsed to the nearest timeout among xs still to come (+inf.0 when none), so a
;; poll round falls exactly on each timeout.
(def (%until-timeout xs elapsed)
  (let loop ((xs xs) (best +inf.0))
    (cond ((null? xs) best)
          ((and (real? (car xs)) (> (car xs) elapsed)) (loop (cdr xs) (min best (- (car xs) elapsed))))
          (else (loop (cdr xs) best)))))

(def (%result v) (if (%handled? v) ((%handled-proc v) (%handled-value v)) v))

(def (sync . xs)
  (when (null? xs) (error "sync: no sync object given (never-evt waits for ever)"))
  (%result (cdr (%await xs 'sync))))

(def (select . xs)
  (when (null? xs) (error "select: no sync object given"))
  (car (%await xs 'select)))

(def (wait x (timeout #f))
  (let ((got (%await (if timeout (list x timeout) (list x)) 'wait)))
    (if (eq? (car got) timeout) #f x)))
