// One browser test at a time: the live-update test asserts a 2-second push, which should measure
// the app, not a 2-core CI machine busy with several Chromiums and Kestrels at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
