pub mod measure_list;
