;;; :gerbil/gambit -- in Gerbil, the module that makes Gambit's primitives visible to a Gerbil
;;; module (doc/reference/gerbil/prelude/runtime-bindings.md, "GambitRuntime"). Safepoint's
;;; Gambit primitives are globals, seen by every module already, so importing this binds nothing
;;; new: it exists so that Gerbil files that import it load.
(export)
